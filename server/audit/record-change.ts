import "server-only";
import { AdaptyError, type AdaptyErrorKind } from "@/server/adapty/errors";
import { isUniqueViolation } from "@/server/db/errors";
import { completeOrLog } from "./complete-row";
import type { AuditLog, AuditRow, PendingChange } from "./log";

/** The pending row could not be written, so nothing was sent. */
export class AuditUnavailableError extends Error {
  override name = "AuditUnavailableError";
}

/** The row this change undoes is held by another undo (the database's one-undo index): nothing was sent. */
export class AlreadyUndoneError extends Error {
  override name = "AlreadyUndoneError";
}

/** What a change's sender returns: the value, and what Adapty said about it (if Adapty was asked). */
export interface Sent<T> {
  value: T;
  status?: number;
  requestId?: string;
}

export interface Failure {
  kind: AdaptyErrorKind | "in_progress" | "error";
  status?: number;
  errorCode?: string;
  requestId?: string;
  fieldErrors?: Record<string, string[]>;
  formErrors?: string[];
  /** The error's class name, for callers that refuse some errors in their own words. */
  errorName?: string;
  retryAfterMs?: number; // Adapty's Retry-After on a 429 (ms): a bulk row waits it out before its next attempt
}

export type ChangeResult<T> = { auditId: number; replayed: boolean } & (
  { outcome: "succeeded"; value: T } | { outcome: "failed" | "unknown"; failure: Failure }
);

export interface Change<T> extends PendingChange {
  /** Sends the change (to Adapty, or to the staff table); runs only after the pending row is written. */
  send: () => Promise<Sent<T>>;
  /** What to record as "after" from a successful answer. */
  describeAfter?: (value: T) => unknown;
  /**
   * For an outcome left unknown (a timeout): re-read and tell whether the change took
   * effect, with the value to answer with; undefined when that still cannot be told.
   */
  settle?: () => Promise<{ applied: boolean; value?: T; after?: unknown } | undefined>;
  /**
   * A timed-out change may still be applied by Adapty after the console gave up. When the
   * re-read right away does not show it, re-read again after each of these delays (in the
   * background; the row stays unknown meanwhile) before concluding it was not applied.
   * Empty or absent: conclude from the first re-read.
   */
  settleLaterMs?: number[];
}

const IN_FLIGHT_WAIT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

function failureOf(error: unknown): Failure {
  if (error instanceof AdaptyError) {
    return {
      kind: error.kind,
      status: error.status,
      errorCode: error.errorCode,
      requestId: error.requestId,
      fieldErrors: error.fieldErrors,
      formErrors: error.formErrors,
      retryAfterMs: error.retryAfterMs,
    };
  }
  return { kind: "error", errorName: error instanceof Error ? error.name : undefined };
}

/** The answer a replayed submission gets: the first submission's, from its row. */
function fromRow<T>(row: AuditRow): ChangeResult<T> | undefined {
  if (row.outcome === "pending") return undefined;
  if (row.outcome === "succeeded")
    return { auditId: row.id, replayed: true, outcome: "succeeded", value: row.result as T };
  return {
    auditId: row.id,
    replayed: true,
    // (A refused row has no submission key, so it is never replayed; if it were, nothing changed.)
    outcome: row.outcome === "refused" ? "failed" : row.outcome,
    failure: {
      kind: "error",
      status: row.adaptyStatus ?? undefined,
      errorCode: row.adaptyErrorCode ?? undefined,
      requestId: row.adaptyRequestId ?? undefined,
    },
  };
}

/**
 * The one way a change reaches Adapty (or the staff table): the audit row is written as
 * pending first — if it cannot be, nothing is sent — then completed with what happened.
 * A repeated idempotency key answers with the first submission's result and sends nothing.
 */
export async function recordChange<T>(audit: AuditLog, change: Change<T>): Promise<ChangeResult<T>> {
  let id: number | undefined;
  try {
    id = await audit.begin(change);
  } catch (error) {
    if (change.undoes !== undefined && isUniqueViolation(error, "audit_events_one_undo"))
      throw new AlreadyUndoneError(`Audit row ${change.undoes} was already undone.`);
    console.error(`Audit log unavailable, change not sent: ${error instanceof Error ? error.message : String(error)}`);
    throw new AuditUnavailableError("The audit log could not be written.");
  }

  if (id === undefined) return replay(audit, change);

  const started = performance.now();
  let sent: Sent<T>;
  try {
    sent = await change.send();
  } catch (error) {
    const failure = failureOf(error);
    const unknown = error instanceof AdaptyError && error.outcomeUnknown;
    const completed = await completeOrLog(audit, id, "pending", {
      outcome: unknown ? "unknown" : "failed",
      adaptyStatus: failure.status,
      adaptyErrorCode: failure.errorCode,
      adaptyRequestId: failure.requestId,
      detail: error instanceof Error ? error.message : String(error),
      durationMs: Math.round(performance.now() - started),
    });
    // Settling needs the row to be `unknown` first; while the database is away it stays
    // pending, and is settled in the background once the retried completion lands.
    if (unknown && change.settle) {
      if (completed.written) {
        const settled = await settleUnknown(audit, id, change, failure);
        if (settled) return settled;
      } else {
        void completed.later?.then((written) => (written ? settleUnknown(audit, id, change, failure) : undefined));
      }
    }
    return { auditId: id, replayed: false, outcome: unknown ? "unknown" : "failed", failure };
  }

  await completeOrLog(audit, id, "pending", {
    outcome: "succeeded",
    adaptyStatus: sent.status,
    adaptyRequestId: sent.requestId,
    accessAfter: change.describeAfter?.(sent.value),
    result: sent.value,
    durationMs: Math.round(performance.now() - started),
  });
  return { auditId: id, replayed: false, outcome: "succeeded", value: sent.value };
}

type Verdict<T> = Awaited<ReturnType<NonNullable<Change<T>["settle"]>>>;

/** A re-read's verdict, or undefined when Adapty still cannot tell us. */
async function reread<T>(change: Change<T>): Promise<Verdict<T>> {
  try {
    return await change.settle?.();
  } catch {
    return undefined;
  }
}

async function settleAs<T>(audit: AuditLog, id: number, verdict: NonNullable<Verdict<T>>, detail: string) {
  await completeOrLog(audit, id, "unknown", {
    outcome: verdict.applied ? "succeeded" : "failed",
    detail,
    accessAfter: verdict.after,
    result: verdict.value,
  });
}

/**
 * An unknown outcome, settled by re-reading: at once if the change shows; otherwise later
 * (settleLaterMs) or, without later re-reads, as not applied. Undefined: still unknown.
 */
async function settleUnknown<T>(
  audit: AuditLog,
  id: number,
  change: Change<T>,
  failure: Failure,
): Promise<ChangeResult<T> | undefined> {
  const verdict = await reread(change);
  if (verdict?.applied) {
    await settleAs(audit, id, verdict, "Settled: a re-read shows the change was applied.");
    return { auditId: id, replayed: false, outcome: "succeeded", value: verdict.value as T };
  }
  if (change.settleLaterMs?.length) {
    void settleLater(audit, id, change, change.settleLaterMs);
    return undefined; // the row stays unknown until a later re-read decides
  }
  if (!verdict) return undefined; // still cannot tell: the row stays unknown, visibly, for a person to check
  await settleAs(audit, id, verdict, "Settled: a re-read shows the change was not applied.");
  return {
    auditId: id,
    replayed: false,
    outcome: "failed",
    failure: { kind: failure.kind, status: failure.status, requestId: failure.requestId },
  };
}

async function settleLater<T>(audit: AuditLog, id: number, change: Change<T>, delays: number[]) {
  let verdict: Verdict<T>;
  for (const delay of delays) {
    await sleep(delay);
    verdict = await reread(change);
    if (verdict?.applied)
      return settleAs(audit, id, verdict, `Settled: a re-read ${delay} ms later shows the change was applied late.`);
  }
  const waited = delays.reduce((sum, delay) => sum + delay, 0);
  if (verdict)
    return settleAs(
      audit,
      id,
      verdict,
      `Settled: re-reads over ${Math.round(waited / 1000)} s never showed the change, so it was not applied.`,
    );
  console.error(`Audit row ${id} stays unknown: Adapty could not be re-read. Check the customer in Adapty.`);
}

/** A key answers only for the change it was first used for: same person, action and customer. */
function sameChange(row: AuditRow, change: PendingChange): boolean {
  return (
    row.actorId === change.actor.id &&
    row.action === change.action &&
    row.targetProfileId === (change.target.profileId ?? null) &&
    row.targetCustomerUserId === (change.target.customerUserId ?? null)
  );
}

export class IdempotencyKeyReusedError extends Error {
  override name = "IdempotencyKeyReusedError";
}

async function replay<T>(audit: AuditLog, change: PendingChange): Promise<ChangeResult<T>> {
  const key = change.idempotencyKey ?? "";
  const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
  for (;;) {
    const row = await audit.findByIdempotencyKey(key);
    if (row && !sameChange(row, change))
      throw new IdempotencyKeyReusedError("This submission key belongs to a different change.");
    const answer = row ? fromRow<T>(row) : undefined;
    if (row && answer) return answer;
    if (!row || Date.now() > deadline) {
      return { auditId: row?.id ?? 0, replayed: true, outcome: "unknown", failure: { kind: "in_progress" } };
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // the first submission is still in flight
  }
}
