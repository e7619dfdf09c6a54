// Not fenced with server-only: drizzle-kit loads this file outside Next.js to generate migrations.
// The console's own tables. The Adapty profiles themselves live in Adapty; only what the
// console must remember on its own (its staff, later the audit trail) is stored here.
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

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
  /** The console language this member chose (lib/i18n/locales.ts); null: their browser's. */
  language: text("language"),
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

export const auditOutcome = pgEnum("audit_outcome", ["pending", "succeeded", "failed", "unknown", "refused"]);

/**
 * The console's permanent record of what staff did: who, to whom, why, what was sent,
 * what Adapty answered. Written before a change is sent (pending) and completed after;
 * the database itself refuses to change a completed row or delete any (migration 0004).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetProfileId: text("target_profile_id"),
    targetCustomerUserId: text("target_customer_user_id"),
    /** What was asked: the parameters sent to Adapty, or of the staff change. */
    params: jsonb("params"),
    reason: text("reason"),
    ticket: text("ticket"),
    /** One per submitted form: a replay finds the first row instead of sending again. */
    idempotencyKey: text("idempotency_key").unique(),
    outcome: auditOutcome("outcome").notNull(),
    adaptyStatus: integer("adapty_status"),
    adaptyErrorCode: text("adapty_error_code"),
    adaptyRequestId: text("adapty_request_id"),
    /** A short explanation of a failure, in the console's words (never a stack). */
    detail: text("detail"),
    accessBefore: jsonb("access_before"),
    accessAfter: jsonb("access_after"),
    /** What the change returned (Adapty's profile), so a replay can answer with it. */
    result: jsonb("result"),
    clientAddress: text("client_address"),
    userAgent: text("user_agent"),
    durationMs: integer("duration_ms"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** When an unknown outcome was later settled by re-reading the profile. */
    settledAt: timestamp("settled_at", { withTimezone: true }),
    /** The console process that wrote the row (console_instances): a crashed one's open rows are settled by another. */
    instanceId: uuid("instance_id"),
    /** The admin who approved this change (four-eyes): the row names both, the actor asked. */
    approvedById: uuid("approved_by_id"),
    approvedByEmail: text("approved_by_email"),
    /** The audit row of the change this one undoes. */
    undoesEventId: bigint("undoes_event_id", { mode: "number" }),
    /** The bulk batch (server/bulk) this change is a row of, and the row's line in its file. */
    batchId: uuid("batch_id"),
    batchLine: integer("batch_line"),
  },
  (table) => [
    index("audit_events_actor").on(table.actorEmail, table.id),
    index("audit_events_action").on(table.action, table.id),
    index("audit_events_profile").on(table.targetProfileId, table.id),
    index("audit_events_customer").on(table.targetCustomerUserId, table.id),
    index("audit_events_time").on(table.occurredAt),
    index("audit_events_open").on(table.outcome, table.id),
    index("audit_events_batch").on(table.batchId, table.batchLine),
    // A change is undone at most once: a second undo while the first is pending, unknown or
    // done is refused by the database itself; a failed or refused undo frees it for another try.
    uniqueIndex("audit_events_one_undo")
      .on(table.undoesEventId)
      .where(sql`outcome in ('pending', 'succeeded', 'unknown')`),
  ],
);

/** Each agent's recent lookups, one click away on the lookup page; the newest few are kept. */
export const recentLookups = pgTable(
  "recent_lookups",
  {
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    profileId: text("profile_id").notNull(),
    customerUserId: text("customer_user_id"),
    lookedUpAt: timestamp("looked_up_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.staffId, table.profileId] }),
    index("recent_lookups_staff_time").on(table.staffId, table.lookedUpAt),
  ],
);

/**
 * One row per signed-in session (its id travels in the session cookie). The database, not
 * the cookie, decides whether a session still lives: ended by signing out (one device or
 * all), or too old (SESSION_MAX_HOURS since sign-in), or idle (SESSION_IDLE_MINUTES).
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Touched at most once a minute by the requests the session makes. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("staff_sessions_staff").on(table.staffId)],
);

/**
 * Each running console process, with a heartbeat: a change left open by an instance whose
 * heartbeat stopped was cut off by a crash, and may be settled by another instance at once.
 */
export const consoleInstances = pgTable("console_instances", {
  id: uuid("id").primaryKey(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }).notNull().defaultNow(),
  host: text("host"),
  pid: integer("pid"),
});

/**
 * Leases that serialise changes to one customer's access level across instances: only the
 * holder reads "before", sends and records. A crashed holder's lease runs out by itself.
 */
export const changeLocks = pgTable("change_locks", {
  key: text("key").primaryKey(),
  holder: uuid("holder").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/**
 * Refusals nobody signed in made (no session, a junk cookie, sign-ins for unknown or locked
 * accounts), counted per window, action and address: the first of each writes an audit
 * row, the rest only a count here, summed into one audit row when the window closes.
 */
export const anonymousRefusals = pgTable(
  "anonymous_refusals",
  {
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    action: text("action").notNull(),
    /** The client address, or "other" once a window holds too many addresses. */
    subject: text("subject").notNull(),
    count: integer("count").notNull().default(1),
    firstAt: timestamp("first_at", { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
    /** The first refusal's bounded details (path, user agent, email tried, why). */
    sample: jsonb("sample"),
    summarisedAt: timestamp("summarised_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.windowStart, table.action, table.subject] }),
    index("anonymous_refusals_open").on(table.summarisedAt, table.windowStart),
  ],
);

/** When each person's view of each customer was last recorded: views are deduplicated over a short window. */
export const profileViewMarks = pgTable(
  "profile_view_marks",
  {
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    profileId: text("profile_id").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.staffId, table.profileId] })],
);

// The webhook integration's tables live beside these, in their own file.
export * from "./schema-webhooks";
export * from "./schema-guardrails";
export * from "./schema-bulk";
