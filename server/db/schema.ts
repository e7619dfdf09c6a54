// The console's own tables. The Adapty profiles themselves live in Adapty; only what the
// console must remember on its own (its staff, later the audit trail) is stored here.
import { bigserial, boolean, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const staffRole = pgEnum("staff_role", ["viewer", "agent", "admin"]);

export const staff = pgTable("staff", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Stored lower-cased so that sign-in and single sign-on match regardless of case. */
  email: text("email").notNull().unique(),
  displayName: text("display_name"),
  role: staffRole("role").notNull().default("viewer"),
  /** scrypt hash; null for staff who only sign in through single sign-on. */
  passwordHash: text("password_hash"),
  enabled: boolean("enabled").notNull().default(true),
  /** Signing out ends every session of this person begun before this moment, on every device. */
  sessionsRevokedAt: timestamp("sessions_revoked_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every password sign-in attempt, kept in the database (not in memory) so that the
 * brute-force lockout holds across restarts and across several console instances.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    clientAddress: text("client_address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("sign_in_attempts_email_time").on(table.email, table.attemptedAt),
    index("sign_in_attempts_address_time").on(table.clientAddress, table.attemptedAt),
  ],
);
