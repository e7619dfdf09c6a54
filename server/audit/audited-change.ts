import "server-only";
import type { ChangeOutcome, FieldErrors, Message } from "@/lib/change/outcome";
import { asAdaptyFailure } from "@/server/adapty/failure";
import { markRecorded } from "./attempt";
import { getAuditLog } from "./index";
import { recordChange, type Change, type Failure } from "./record-change";
import { requestContext } from "./request-context";

export interface AuditedChange<T, V> extends Omit<Change<T>, "context"> {
  /** What the browser gets back from a successful answer. */
  answer: (value: T) => V;
  /** The field errors of a failure, as catalogue keys (from Adapty's error code or its messages by field). */
  fieldErrors?: (failure: Failure) => FieldErrors | undefined;
  /** A failure the console refuses in its own words (such as "the last admin"): nothing changed. */
  refusal?: (failure: Failure) => Message | undefined;
}

/** Adapty's own messages by field, kept (they name the rule) but always inside a sentence of ours. */
export function adaptyFieldErrors(failure: Failure): FieldErrors | undefined {
  const entries = Object.entries(failure.fieldErrors ?? {});
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([field, messages]) => [field, { key: "Change.adaptyField", values: { detail: messages.join(" ") } }]),
  );
}

/**
 * The one way every change is made and answered: through the write-ahead audit trail
 * (server/audit/record-change.ts), with this request's address, and turned into the one
 * outcome the browser understands (lib/change/outcome.ts).
 */
export async function auditedChange<T, V>(change: AuditedChange<T, V>): Promise<ChangeOutcome<V>> {
  const { answer, fieldErrors, refusal, ...recorded } = change;
  const result = await recordChange(await getAuditLog(), { ...recorded, context: await requestContext() });
  markRecorded(); // this change has its row (new, or the first submission's): the action client writes none
  if (result.outcome === "succeeded") {
    return { outcome: "succeeded", value: answer(result.value), replayed: result.replayed };
  }
  const { failure } = result;
  if (failure.kind === "in_progress") return { outcome: "unknown", message: "Change.inProgress" };
  const refused = refusal?.(failure);
  if (refused) return { outcome: "refused", message: refused };
  // Not Adapty's answer, and not a replay of one: a fault of ours, said as such.
  const ours = failure.kind === "error" && !result.replayed ? "ActionErrors.unexpected" : undefined;
  if (result.outcome === "unknown") return { outcome: "unknown", failure: asAdaptyFailure(failure) };
  const adaptySaid = failure.formErrors?.length
    ? { key: "Change.adaptySaid", values: { detail: failure.formErrors.join(" ") } }
    : undefined;
  return {
    outcome: "failed",
    message: ours ?? adaptySaid,
    failure: asAdaptyFailure(failure),
    fieldErrors: fieldErrors?.(failure),
  };
}
