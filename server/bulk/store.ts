import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ParsedRow } from "@/lib/bulk/request";
import type { BatchStatus, RowOutcome } from "@/lib/bulk/view";
import type { Message } from "@/lib/change/outcome";
import type { Database } from "@/server/db";
import { instanceId } from "@/server/db/instance";
import { bulkBatches, bulkRows } from "@/server/db/schema";

// A batch and its rows as stored. Every change of a batch's status is one conditional
// update on the status (and, from a button, the version) it was seen in: a pause that
// crossed a cancel in another tab is refused, never applied over it.

export type BatchRecord = typeof bulkBatches.$inferSelect;

export interface NewBatch {
  /** Chosen before it is stored, so the upload's own audit row names the batch. */
  id: string;
  creator: { id: string; email: string };
  fileName: string;
  columns: string[];
  zone: string;
  reason: string;
  ticket: string | null;
  ratePerSecond: number | null;
  concurrency: number;
  rows: ParsedRow[];
}

const INSERT_CHUNK = 1_000;

/** Stores an uploaded file as a draft batch: every row, valid or not, in one transaction. */
export async function insertBatch(db: Database, batch: NewBatch): Promise<string> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(bulkBatches)
      .values({
        id: batch.id,
        createdById: batch.creator.id,
        createdByEmail: batch.creator.email,
        fileName: batch.fileName,
        columns: batch.columns,
        zone: batch.zone,
        reason: batch.reason,
        ticket: batch.ticket,
        ratePerSecond: batch.ratePerSecond,
        concurrency: batch.concurrency,
        totalRows: batch.rows.length,
        invalidRows: batch.rows.filter((row) => row.request === null).length,
      })
      .returning({ id: bulkBatches.id });
    if (!created) throw new Error("The batch was not stored.");
    for (let start = 0; start < batch.rows.length; start += INSERT_CHUNK) {
      await tx.insert(bulkRows).values(
        batch.rows.slice(start, start + INSERT_CHUNK).map((row) => ({
          batchId: created.id,
          line: row.line,
          cells: row.cells,
          request: row.request,
          problems: row.problems.length > 0 ? row.problems : null,
          duplicateOf: row.duplicateOf ?? null,
          state: row.request === null ? ("invalid" as const) : ("ready" as const),
        })),
      );
    }
    return created.id;
  });
}

export async function findBatch(db: Database, id: string): Promise<BatchRecord | undefined> {
  const [batch] = await db.select().from(bulkBatches).where(eq(bulkBatches.id, id));
  return batch;
}

/**
 * Moves a batch from one of `from` to `to`, only if it is still there (and at `version`, when
 * given). The batch as it now is, or undefined when it had moved on.
 */
export async function moveBatch(
  db: Database,
  id: string,
  change: {
    from: BatchStatus[];
    to: BatchStatus;
    version?: number;
    by?: string;
    set?: Partial<BatchRecord>;
  },
): Promise<BatchRecord | undefined> {
  const [moved] = await db
    .update(bulkBatches)
    .set({
      ...change.set,
      status: change.to,
      version: sql`${bulkBatches.version} + 1`,
      statusChangedAt: sql`now()`,
      ...(change.by ? { statusChangedByEmail: change.by } : {}),
    })
    .where(
      and(
        eq(bulkBatches.id, id),
        inArray(bulkBatches.status, change.from),
        change.version === undefined ? undefined : eq(bulkBatches.version, change.version),
      ),
    )
    .returning();
  return moved;
}

export interface RowEnd {
  outcome: RowOutcome;
  message?: Message | null;
  adaptyErrorCode?: string | null;
  adaptyRequestId?: string | null;
  auditEventId?: number | null;
}

/** The row this instance sent is done: only while it is still this instance's claim. */
export async function finishRow(db: Database, batchId: string, line: number, end: RowEnd): Promise<void> {
  await db
    .update(bulkRows)
    .set({
      state: "done",
      outcome: end.outcome,
      message: end.message ?? null,
      adaptyErrorCode: end.adaptyErrorCode ?? null,
      adaptyRequestId: end.adaptyRequestId ?? null,
      auditEventId: end.auditEventId ?? null,
      doneAt: sql`now()`,
      claimedBy: null,
    })
    .where(ownClaim(batchId, line));
}

/**
 * The row goes back to wait, to be sent again from `afterMs` from now: with a new key when
 * the attempt has an audit row (a 429 or 5xx: the next attempt is a change of its own), the
 * same one when nothing was recorded. `counted`: whether this try uses up one of its attempts
 * (not when it only waited for another change to the customer to finish).
 */
export async function retryRowLater(
  db: Database,
  batchId: string,
  line: number,
  afterMs: number,
  { newKey, counted }: { newKey: boolean; counted: boolean },
): Promise<void> {
  await db
    .update(bulkRows)
    .set({
      state: "ready",
      claimedBy: null,
      notBefore: sql`now() + make_interval(secs => ${afterMs / 1000}::float8)`,
      ...(newKey ? { idempotencyKey: sql`gen_random_uuid()` } : {}),
      ...(counted ? {} : { attempts: sql`${bulkRows.attempts} - 1` }),
    })
    .where(ownClaim(batchId, line));
}

const ownClaim = (batchId: string, line: number) =>
  and(
    eq(bulkRows.batchId, batchId),
    eq(bulkRows.line, line),
    eq(bulkRows.state, "sending"),
    eq(bulkRows.claimedBy, instanceId()),
  );

/** A cancelled batch's rows that were still waiting are not sent. */
export async function cancelWaitingRows(db: Database, batchId: string): Promise<void> {
  await db
    .update(bulkRows)
    .set({ state: "cancelled", doneAt: sql`now()` })
    .where(and(eq(bulkRows.batchId, batchId), eq(bulkRows.state, "ready")));
}

/** Completes a running batch once no row waits or is in flight. */
export async function completeIfDone(db: Database, batchId: string): Promise<boolean> {
  const [moved] = await db
    .update(bulkBatches)
    .set({ status: "completed", finishedAt: sql`now()`, version: sql`${bulkBatches.version} + 1` })
    .where(
      and(
        eq(bulkBatches.id, batchId),
        eq(bulkBatches.status, "running"),
        sql`not exists (select 1 from ${bulkRows}
          where ${bulkRows.batchId} = ${batchId} and ${bulkRows.state} in ('ready', 'sending'))`,
      ),
    )
    .returning({ id: bulkBatches.id });
  return moved !== undefined;
}
