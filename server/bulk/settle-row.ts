import "server-only";
import type { Profile } from "@/lib/adapty/types";
import type { BulkRequest } from "@/lib/bulk/request";
import { failureMessage, type ChangeOutcome, type Message } from "@/lib/change/outcome";
import type { Staff } from "@/server/auth/require-staff";
import type { Database } from "@/server/db";
import { backoffDelay } from "@/server/adapty/retry";
import { pushBack, type ClaimedRow } from "./claims";
import { NOT_FOUND_STATUS, recordRowOutcome, rowAuditRow } from "./row-audit";
import { sendRow } from "./send-row";
import { finishRow, retryRowLater } from "./store";

// A claimed row, sent, and its row told how it ended — or put back to wait when Adapty was
// busy (429, 5xx, unreachable) and attempts remain, waiting out Retry-After for the whole batch.

export const MAX_ATTEMPTS = 5;
/** Backoff between a row's attempts: 2 s, 4 s, 8 s, … up to a minute (with jitter below that). */
const attemptDelay = (attempt: number) => Math.min(60_000, 1_000 * 2 ** attempt) + backoffDelay(1);

const RETRYABLE = new Set(["rate_limited", "unavailable"]);
const BUSY = "Access.busy";

const keyOf = (message: Message | undefined) => (typeof message === "string" ? message : message?.key);

export async function sendAndSettle(db: Database, starter: Staff, batchId: string, row: ClaimedRow): Promise<void> {
  let answer: Awaited<ReturnType<typeof sendRow>>;
  try {
    answer = await sendRow(starter, batchId, row);
  } catch (error) {
    console.error(`Bulk batch ${batchId} line ${row.line}: ${error instanceof Error ? error.message : String(error)}`);
    answer = { outcome: { outcome: "failed", message: "ActionErrors.unexpected" } };
  }
  const context = { db, starter, batchId, row };
  if ("notFound" in answer) return notFound(context, {});
  return settle(context, answer.outcome, { profileId: answer.profileId, customerUserId: answer.customerUserId });
}

interface Context {
  db: Database;
  starter: Staff;
  batchId: string;
  row: ClaimedRow;
}
type Target = { profileId?: string; customerUserId?: string };

const targetOf = (request: BulkRequest, target: Target): Target => ({
  profileId: target.profileId ?? ("profileId" in request.customer ? request.customer.profileId : undefined),
  customerUserId:
    target.customerUserId ?? ("customerUserId" in request.customer ? request.customer.customerUserId : undefined),
});

async function notFound({ db, starter, batchId, row }: Context, target: Target) {
  const auditEventId = await recordRowOutcome({
    starter,
    batchId,
    line: row.line,
    key: row.idempotencyKey,
    request: row.request,
    target: targetOf(row.request, target),
    outcome: "failed",
    detail: "Failed before the change was sent: Adapty has no such customer.",
    adapty: { status: NOT_FOUND_STATUS },
  });
  await finishRow(db, batchId, row.line, { outcome: "not_found", message: "BulkRun.notFound", auditEventId });
}

async function settle(context: Context, outcome: ChangeOutcome<Profile>, target: Target): Promise<void> {
  const { db, batchId, row } = context;
  const recorded = await rowAuditRow(row.idempotencyKey);
  if (outcome.outcome === "succeeded" || outcome.outcome === "unknown")
    return finishRow(db, batchId, row.line, {
      outcome: outcome.outcome,
      message: outcome.outcome === "unknown" ? "Change.unknownOutcome" : null,
      adaptyRequestId: recorded?.adaptyRequestId,
      auditEventId: recorded?.id,
    });

  if (outcome.outcome === "refused") {
    // Another change to this customer's level is under way (a repeated row, an agent's own
    // grant): nothing was sent or recorded; the row waits its turn with the same key.
    if (keyOf(outcome.message) === BUSY)
      return retryRowLater(db, batchId, row.line, 2_000, { newKey: false, counted: false });
    const message = outcome.message ?? Object.values(outcome.fieldErrors ?? {})[0] ?? "BulkRun.refused";
    const auditEventId =
      recorded?.id ??
      (await recordRowOutcome({
        ...context,
        line: row.line,
        key: row.idempotencyKey,
        request: row.request,
        target: targetOf(row.request, target),
        outcome: "refused",
        detail: `Refused by the console, nothing sent. ${keyOf(message) ?? ""}`.trim(),
      }));
    return finishRow(db, batchId, row.line, { outcome: "refused", message, auditEventId });
  }

  const failure = outcome.failure;
  if (failure?.kind === "not_found" && !recorded) return notFound(context, target);
  if (failure && RETRYABLE.has(failure.kind) && row.attempts < MAX_ATTEMPTS) {
    const wait = Math.max(attemptDelay(row.attempts), failure.retryAfterMs ?? 0);
    if (failure.kind === "rate_limited") await pushBack(db, batchId, failure.retryAfterMs ?? wait);
    return retryRowLater(db, batchId, row.line, wait, { newKey: recorded !== undefined, counted: true });
  }
  const auditEventId =
    recorded?.id ??
    (await recordRowOutcome({
      ...context,
      line: row.line,
      key: row.idempotencyKey,
      request: row.request,
      target: targetOf(row.request, target),
      outcome: "failed",
      detail: `Failed before the change was sent. Adapty: ${failure?.kind ?? "no answer"}`,
      adapty: failure,
    }));
  return finishRow(db, batchId, row.line, {
    outcome: "failed",
    message: outcome.message ?? failureMessage(failure),
    adaptyErrorCode: failure?.errorCode,
    adaptyRequestId: failure?.requestId,
    auditEventId,
  });
}
