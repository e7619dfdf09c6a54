// Not fenced with server-only: drizzle-kit loads this file (through schema.ts) to generate migrations.
// The guardrails around manual grants (issue 19): the settings admins choose (grant policy per
// role, how long approvals and undo stay open), the four-eyes approval queue, each agent's
// count of grants per day, and the notes staff keep on a customer. None of it is sent to Adapty.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The console's settings, one row (id 1) holding one JSON document validated by
 * lib/policy/settings.ts. `version` grows by one on every save: a save names the version it
 * was made from, so two admins saving at once cannot silently overwrite each other.
 */
export const consoleSettings = pgTable(
  "console_settings",
  {
    id: smallint("id").primaryKey().default(1),
    settings: jsonb("settings").notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedByEmail: text("updated_by_email"),
  },
  () => [check("console_settings_one_row", sql`id = 1`)],
);

export const approvalStatus = pgEnum("approval_status", ["pending", "approved", "declined", "expired"]);

/**
 * A change beyond its requester's grant policy, waiting for an admin. Nothing is sent to
 * Adapty while it is pending; a decision is one conditional update (`where status =
 * 'pending'`), so two admins deciding at once cannot both win.
 */
export const approvalRequests = pgTable(
  "approval_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What is asked: `grant` (later: a bulk batch). */
    kind: text("kind").notNull(),
    requestedById: uuid("requested_by_id").notNull(),
    requestedByEmail: text("requested_by_email").notNull(),
    requestedByRole: text("requested_by_role").notNull(),
    profileId: text("profile_id"),
    customerUserId: text("customer_user_id"),
    /** The change as the requester submitted it (the grant form's input). */
    params: jsonb("params").notNull(),
    /** Which of the policy's limits the change goes beyond (lib/policy/evaluate.ts). */
    exceeds: jsonb("exceeds").notNull(),
    reason: text("reason").notNull(),
    ticket: text("ticket"),
    status: approvalStatus("status").notNull().default("pending"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedById: uuid("decided_by_id"),
    decidedByEmail: text("decided_by_email"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionComment: text("decision_comment"),
    /** The audit row of the change an approval ran. */
    auditEventId: bigint("audit_event_id", { mode: "number" }),
  },
  (table) => [
    index("approval_requests_status").on(table.status, table.requestedAt),
    index("approval_requests_profile").on(table.profileId, table.requestedAt),
  ],
);

/**
 * Grants each member made per day (UTC), for the policy's daily cap: a grant takes a slot
 * with one conditional upsert before it is sent (so parallel grants cannot pass the cap
 * together) and gives it back when it does not go through.
 */
export const grantCounts = pgTable(
  "grant_counts",
  {
    staffId: uuid("staff_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.staffId, table.day] })],
);

/** Short plain-text notes staff keep on a customer: shown on the profile and its timeline, never sent to Adapty. */
export const customerNotes = pgTable(
  "customer_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    profileId: text("profile_id").notNull(),
    customerUserId: text("customer_user_id"),
    authorId: uuid("author_id").notNull(),
    authorEmail: text("author_email").notNull(),
    body: text("body").notNull(),
    ticket: text("ticket"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Bumped on every edit: an edit or delete names the version it saw (no lost update). */
    version: integer("version").notNull().default(1),
  },
  (table) => [index("customer_notes_profile").on(table.profileId, table.createdAt)],
);
