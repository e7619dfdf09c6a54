import { query } from "./database";

// Bulk batches the attack tests aim at, stored directly (as an upload would store them): a
// member's batch in the status an action moves it from, with one grant row. A draft's,
// paused or waiting batch's row is ready to send; a running batch's row is already sent, so
// the console's own drive, which picks running batches up, has nothing to send for it.

export type AttackBatchStatus = "draft" | "running" | "paused" | "awaiting_approval";

export type AttackBatch = { batchId: string; version: number };

const COLUMNS = ["customer_user_id", "access_level_id", "duration"];

/** A batch of `email`'s in `status` (at `version`), one grant of premium to `profileId` for a month. */
export async function insertedBatch(
  email: string,
  status: AttackBatchStatus,
  { profileId, version = 1 }: { profileId: string; version?: number },
): Promise<AttackBatch> {
  const [batch] = await query<{ id: string; version: number }>(
    `insert into bulk_batches (created_by_id, created_by_email, file_name, columns, zone, reason, concurrency, status, version, total_rows, invalid_rows)
     select id, email, 'attack.csv', $2, 'Europe/Berlin', 'attack test', 1, $3, $4, 1, 0 from staff where email = $1
     returning id, version`,
    [email, JSON.stringify(COLUMNS), status, version],
  );
  if (!batch) throw new Error(`no staff member ${email} to own a batch`);
  const sent = status === "running";
  await query(
    `insert into bulk_rows (batch_id, line, cells, request, state, outcome, done_at)
     values ($1, 2, $2, $3, $4, $5, case when $4::text = 'done' then now() end)`,
    [
      batch.id,
      JSON.stringify({ customer_user_id: "", access_level_id: "premium", duration: "1m" }),
      JSON.stringify({
        action: "grant",
        customer: { profileId },
        accessLevelId: "premium",
        startsAt: null,
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        reason: "attack test",
      }),
      sent ? "done" : "ready",
      sent ? "succeeded" : null,
    ],
  );
  return { batchId: batch.id, version: batch.version };
}

/** A batch of `email`'s waiting for an admin's approval, and its pending request. */
export async function batchAwaitingApproval(email: string, profileId: string): Promise<{ requestId: string }> {
  const { batchId } = await insertedBatch(email, "awaiting_approval", { profileId });
  const [request] = await query<{ id: string }>(
    `insert into approval_requests (kind, requested_by_id, requested_by_email, requested_by_role, params, exceeds, reason, expires_at)
     select 'bulk', id, email, role::text, $2, '[]', 'attack test', now() + interval '1 hour' from staff where email = $1
     returning id`,
    [email, JSON.stringify({ batchId, fileName: "attack.csv", rows: 1 })],
  );
  if (!request) throw new Error(`no staff member ${email} to ask for approval`);
  await query("update bulk_batches set approval_request_id = $2 where id = $1", [batchId, request.id]);
  return { requestId: request.id };
}

/** The attack batches a person moved, checked or had decided: none, after an attack (the drive's own moves name nobody). */
export const touchedAttackBatches = () =>
  query(
    `select b.id, b.status, b.status_changed_by_email, b.check_started_at, r.status::text as request
     from bulk_batches b left join approval_requests r on r.id = b.approval_request_id
     where b.file_name = 'attack.csv' and b.reason = 'attack test' and b.created_by_email = 'agent@e2e.test'
       and (b.status_changed_by_email is not null or b.check_started_at is not null or r.decided_by_id is not null)`,
  );
