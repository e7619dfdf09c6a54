// Not fenced with server-only: drizzle-kit loads this file (through schema.ts) to generate migrations.
// Bulk grants and revokes from a CSV (issue 20): a batch, its rows and each row's outcome.
// The rows are the truth of a batch's progress; the job queue (pg-boss) only says "someone
// drive this batch now". Every decision about a row (who sends it, whether it was sent) is a
// conditional update on its row, so any number of console instances can share a batch.
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const BATCH_STATUSES = [
  /** Uploaded and validated; nothing sent. The dry run and the start happen from here. */
  "draft",
  /** Larger than its starter may run alone: waiting in the four-eyes queue. */
  "awaiting_approval",
  "running",
  "paused",
  "cancelled",
  "completed",
  /** An admin declined it (or the request expired): nothing was sent. */
  "declined",
] as const;

export const bulkBatches = pgTable(
  "bulk_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdById: uuid("created_by_id").notNull(),
    createdByEmail: text("created_by_email").notNull(),
    fileName: text("file_name").notNull(),
    /** The file's columns in its order (a row's cells are JSON, whose keys keep no order). */
    columns: jsonb("columns").notNull(),
    /** The IANA zone durations and dates without an offset were counted in. */
    zone: text("zone").notNull(),
    /** The batch-wide reason and ticket, for rows without their own. */
    reason: text("reason").notNull(),
    ticket: text("ticket"),
    /** Adapty requests per second across every instance; null: as fast as Adapty answers. */
    ratePerSecond: integer("rate_per_second"),
    /** Rows in flight at once across every instance. */
    concurrency: integer("concurrency").notNull(),
    status: text("status", { enum: BATCH_STATUSES }).notNull().default("draft"),
    /** Bumped on every status change: a button names the version it saw. */
    version: integer("version").notNull().default(1),
    totalRows: integer("total_rows").notNull(),
    invalidRows: integer("invalid_rows").notNull(),
    /** The rate limiter: the earliest moment the next request may go (one conditional update per row). */
    nextSendAt: timestamp("next_send_at", { withTimezone: true }).notNull().defaultNow(),
    checkStartedAt: timestamp("check_started_at", { withTimezone: true }),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** Who paused or cancelled it last, and when the status last changed. */
    statusChangedByEmail: text("status_changed_by_email"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    approvalRequestId: uuid("approval_request_id"),
  },
  (table) => [
    index("bulk_batches_created").on(table.createdAt),
    index("bulk_batches_running").on(table.status),
    check("bulk_batches_concurrency", sql`concurrency between 1 and 20`),
    check("bulk_batches_rate", sql`rate_per_second is null or rate_per_second between 1 and 100`),
  ],
);

export const ROW_STATES = [
  /** Failed validation at upload: never sent. */
  "invalid",
  /** Waiting to be sent (again, after a 429 or 5xx, from `not_before`). */
  "ready",
  /** Claimed by one instance, which is sending it. */
  "sending",
  /** Sent (or refused by the console's rules): `outcome` says how it ended. */
  "done",
  /** The batch was cancelled before the row was sent. */
  "cancelled",
] as const;

export const bulkRows = pgTable(
  "bulk_rows",
  {
    batchId: uuid("batch_id").notNull(),
    /** The line in the uploaded file (the header is line 1). */
    line: integer("line").notNull(),
    /** The row's cells as uploaded (for the result file). */
    cells: jsonb("cells").notNull(),
    /** The change the row asks for (lib/bulk/request.ts); null when invalid. */
    request: jsonb("request"),
    /** Why the row is invalid: catalogue messages. */
    problems: jsonb("problems"),
    /** The earlier line this row repeats (same customer and level): flagged, still sent if the starter keeps it. */
    duplicateOf: integer("duplicate_of"),
    state: text("state", { enum: ROW_STATES }).notNull(),
    /** The row's own submission key: its audit row carries it, so a row is never sent twice. */
    idempotencyKey: uuid("idempotency_key").notNull().defaultRandom(),
    /** How many times it was sent (a 429 or 5xx puts it back, with a new key for the new attempt). */
    attempts: integer("attempts").notNull().default(0),
    notBefore: timestamp("not_before", { withTimezone: true }),
    claimedBy: text("claimed_by"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** succeeded, failed, refused, unknown, or not_found (no such customer). */
    outcome: text("outcome"),
    adaptyErrorCode: text("adapty_error_code"),
    adaptyRequestId: text("adapty_request_id"),
    /** What the agent is told about the outcome: a catalogue message. */
    message: jsonb("message"),
    auditEventId: bigint("audit_event_id", { mode: "number" }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    /** The dry run's finding for this row (lib/bulk/check.ts); null until checked. */
    checkResult: jsonb("check_result"),
    checkClaimedBy: text("check_claimed_by"),
    checkClaimedAt: timestamp("check_claimed_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.batchId, table.line] }),
    index("bulk_rows_state").on(table.batchId, table.state, table.line),
    uniqueIndex("bulk_rows_key").on(table.idempotencyKey),
    foreignKey({ columns: [table.batchId], foreignColumns: [bulkBatches.id], name: "bulk_rows_batch" }),
  ],
);
