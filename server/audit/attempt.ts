import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Whether a change action's request already has its audit row. auditedChange() marks it
// once the change has its (pending, or replayed) row; the action client records the rest
// — a change refused or failed before it reached auditedChange() — once, for every action.

interface Attempt {
  recorded: boolean;
  /** The audit log itself could not be written (or the database is away): a second try would not be either. */
  unrecordable: boolean;
  /** The error the action ended with is the console's refusal (a reused submission key), not a failure. */
  refusedByError: boolean;
}

const attempts = new AsyncLocalStorage<Attempt>();

/** Runs one change action's code; afterwards, whether it wrote its own row (or could not write any). */
export async function trackAttempt<R>(run: () => Promise<R>): Promise<{ result: R } & Attempt> {
  const attempt: Attempt = { recorded: false, unrecordable: false, refusedByError: false };
  const result = await attempts.run(attempt, run);
  return { result, ...attempt };
}

/** The change has its audit row: the action client must not write another. */
export function markRecorded(): void {
  const attempt = attempts.getStore();
  if (attempt) attempt.recorded = true;
}

/** The audit log or the database was away: the action client does not try to write again. */
export function markUnrecordable(): void {
  const attempt = attempts.getStore();
  if (attempt) attempt.unrecordable = true;
}

/** The action ended with an error that is a refusal of the console's (nothing was sent). */
export function markRefusedByError(): void {
  const attempt = attempts.getStore();
  if (attempt) attempt.refusedByError = true;
}
