import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { requestsOf, type BulkRequest } from "@/lib/bulk/request";
import type { Database } from "@/server/db";
import { instanceId } from "@/server/db/instance";
import { rowsOf } from "@/server/db/rows";
import { bulkBatches, bulkRows } from "@/server/db/schema";

// Which instance sends which row, decided by the database so that any number of console
// instances can drive one batch (tested on PostgreSQL under sustained parallel load:
// claims.test.ts). A claim locks the batch's row first, so the count of rows in flight it
// then reads includes every claim committed before it: the batch's concurrency holds
// across instances. The row itself is taken with SKIP LOCKED and a state check, so two
// claimants never get the same row.

export interface ClaimedRow {
  line: number;
  request: BulkRequest;
  idempotencyKey: string;
  attempts: number;
}

export interface Claim {
  row: ClaimedRow;
  /** How long to wait before the row's first request, for the batch's rate (ms). */
  waitMs: number;
  /** When its slot begins (epoch ms, the database's clock). */
  slotAt: number;
}

type ClaimAnswer = { claim: Claim } | { none: "stopped" | "busy" | "waiting" | "empty" };

/**
 * Claims the batch's next ready row for this instance, if the batch is running and has
 * fewer than its concurrency in flight; and reserves the row's requests against the rate.
 * `busy`: the concurrency is used up; `waiting`: rows wait for a retry time; `empty`: none left to send.
 */
export async function claimNextRow(db: Database, batchId: string): Promise<ClaimAnswer> {
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .select({ concurrency: bulkBatches.concurrency })
      .from(bulkBatches)
      .where(and(eq(bulkBatches.id, batchId), eq(bulkBatches.status, "running")))
      .for("update");
    if (!batch) return { none: "stopped" as const };

    // A new statement: in READ COMMITTED it sees every claim committed while we waited for the lock.
    const claimed = rowsOf<{ line: number; request: BulkRequest; idempotency_key: string; attempts: number }>(
      await tx.execute(
        sql`update ${bulkRows} set state = 'sending', claimed_by = ${instanceId()}, claimed_at = now(),
            attempts = ${bulkRows.attempts} + 1
          where batch_id = ${batchId} and line = (
            select line from ${bulkRows}
            where batch_id = ${batchId} and state = 'ready' and (not_before is null or not_before <= now())
              and (select count(*) from ${bulkRows} where batch_id = ${batchId} and state = 'sending') < ${batch.concurrency}
            order by line limit 1 for update skip locked)
            and state = 'ready'
          returning line, request, idempotency_key, attempts`,
      ),
    );
    const row = claimed[0];
    if (!row) return { none: await whyNone(tx, batchId, batch.concurrency) };

    const request = row.request;
    const { waitMs, slotAt } = await reserveRequests(tx, batchId, requestsOf(request));
    return {
      claim: {
        row: { line: row.line, request, idempotencyKey: row.idempotency_key, attempts: row.attempts },
        waitMs,
        slotAt,
      },
    };
  });
}

async function whyNone(tx: Pick<Database, "execute">, batchId: string, concurrency: number) {
  const counts = rowsOf<{ sending: number; ready: number; due: number }>(
    await tx.execute(
      sql`select count(*) filter (where state = 'sending')::int as sending,
               count(*) filter (where state = 'ready')::int as ready,
               count(*) filter (where state = 'ready' and (not_before is null or not_before <= now()))::int as due
        from ${bulkRows} where batch_id = ${batchId} and state in ('sending', 'ready')`,
    ),
  );
  const { sending = 0, ready = 0, due = 0 } = counts[0] ?? {};
  if (ready === 0) return sending === 0 ? ("empty" as const) : ("busy" as const);
  if (due > 0 && sending >= concurrency) return "busy" as const;
  return "waiting" as const;
}

/**
 * The rate: one conditional update of the batch's next free moment, so instances share
 * one budget. Answers how long the caller waits for its slot (a 429 pushes the moment on
 * for everyone: pushBack). Unlimited batches only wait out such a push.
 */
export async function reserveRequests(
  tx: Pick<Database, "execute">,
  batchId: string,
  requests: number,
): Promise<{ waitMs: number; slotAt: number }> {
  // clock_timestamp(), not now(): now() is when the transaction began, before it waited for the lock.
  const [answer] = rowsOf<{ slot_at: number; wait_ms: number }>(
    await tx.execute(
      sql`with slot as (
            select id, case when rate_per_second is null then next_send_at
              else greatest(next_send_at, clock_timestamp()) end as starts_at, rate_per_second
            from ${bulkBatches} where id = ${batchId})
          update ${bulkBatches} b set next_send_at = case when slot.rate_per_second is null then b.next_send_at
              else slot.starts_at + make_interval(secs => ${requests}::float8 / slot.rate_per_second) end
          from slot where b.id = slot.id
          returning (extract(epoch from slot.starts_at) * 1000)::float8 as slot_at,
            greatest(0, extract(epoch from (slot.starts_at - clock_timestamp())) * 1000)::float8 as wait_ms`,
    ),
  );
  return { waitMs: Number(answer?.wait_ms ?? 0), slotAt: Number(answer?.slot_at ?? 0) };
}

/** Adapty said "too many": nobody on this batch sends before `ms` from now. */
export async function pushBack(db: Database, batchId: string, ms: number): Promise<void> {
  await db
    .update(bulkBatches)
    .set({ nextSendAt: sql`greatest(${bulkBatches.nextSendAt}, now() + make_interval(secs => ${ms / 1000}::float8))` })
    .where(eq(bulkBatches.id, batchId));
}
