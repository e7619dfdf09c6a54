// npm run db:migrate — applies the committed migrations to the configured database and
// exits. The console also does this at start-up; this is for deployments that migrate
// first. On the embedded database it refuses while a running console holds it.
import "server-only"; // command-line entry points run under tsx --conditions=react-server
import { openDatabase } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { runCli } from "./run-cli";

runCli(async () => {
  const env = getEnv();
  const handle = await openDatabase(env);
  try {
    await handle.migrate();
    console.info(
      `Migrations applied to the ${handle.kind === "pglite" ? `embedded database in ${env.dataDir}` : "PostgreSQL database"}.`,
    );
  } finally {
    await handle.close();
  }
});
