import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this: migrations are written as SQL, committed, and
// applied by the console itself (server/db/migrate.ts), on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema.ts",
  out: "./server/db/migrations",
});
