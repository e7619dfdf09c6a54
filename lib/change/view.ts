import type { ActionResult } from "./action";
import { failureMessage, type AdaptyFailure, type ChangeOutcome, type FieldErrors, type Message } from "./outcome";

/** Something a form says: a catalogue key, or a sentence the server already put in words. */
export type Said = { message: Message } | { text: string };

/** What a form shows for one answer of a change action: on its fields, above its buttons, or the value it made. */
export interface ChangeView<T> {
  outcome: ChangeOutcome<T>["outcome"] | "error";
  succeeded?: { value: T; replayed?: boolean };
  /** Messages on the form's own fields, by field path. */
  fieldErrors: FieldErrors;
  /** What belongs to no one field; absent when everything is said on the fields. */
  form?: {
    said: Said[];
    /** Adapty's references, for the engineer. */
    failure?: AdaptyFailure;
    /** A customer that already has a profile: the form offers it. */
    existingProfileId?: string;
    tone: "error" | "info";
  };
}

const first = (messages: string[] | undefined) => messages?.find(Boolean);

/**
 * The words that lead a form's error. During an outage (a timeout, Adapty unavailable or
 * rate-limiting) they say so, whatever else came back: Adapty's judgement is not blamed
 * for its outage. Otherwise the outcome's own message, or for a failure said on no field
 * "Adapty refused the change", and for an unknown outcome that it is not known yet.
 */
function leadMessage<T>(outcome: Exclude<ChangeOutcome<T>, { outcome: "succeeded" }>, onFields: boolean) {
  if (outcome.outcome === "failed") {
    const words = failureMessage(outcome.failure);
    if (words !== "Change.failed") return words;
    return outcome.message ?? (onFields ? undefined : words);
  }
  if (outcome.outcome === "unknown") return outcome.message ?? "Change.unknownOutcome";
  return outcome.message;
}

/**
 * Turns an action's answer into what a form shows. Field errors on paths the form has no
 * field for (`isField`) are said at the form level, so no message is ever lost; a failure
 * or an unknown outcome said on no field gets the outage-aware words of Change.*.
 */
export function changeView<T>(
  result: ActionResult<ChangeOutcome<T>> | undefined,
  isField: (path: string) => boolean = () => true,
): ChangeView<T> {
  if (result?.serverError)
    return { outcome: "error", fieldErrors: {}, form: { said: [{ text: result.serverError }], tone: "error" } };

  const fieldErrors: FieldErrors = {};
  const said: Said[] = [];
  const place = (path: string, message: Message) => {
    if (isField(path)) fieldErrors[path] ??= message;
    else said.push({ message });
  };
  const validation = result?.validationErrors;
  if (validation) {
    for (const [path, messages] of Object.entries(validation.fieldErrors ?? {})) {
      const message = first(messages);
      if (message) place(path, message);
    }
    for (const message of validation.formErrors ?? []) said.push({ message });
    return { outcome: "error", fieldErrors, form: said.length > 0 ? { said, tone: "error" } : undefined };
  }

  const outcome = result?.data;
  if (!outcome)
    return { outcome: "error", fieldErrors, form: { said: [{ message: "ActionErrors.unexpected" }], tone: "error" } };
  if (outcome.outcome === "succeeded")
    return { outcome: "succeeded", fieldErrors, succeeded: { value: outcome.value, replayed: outcome.replayed } };

  if (outcome.outcome !== "unknown")
    for (const [path, message] of Object.entries(outcome.fieldErrors ?? {})) place(path, message);
  const onFields = Object.keys(fieldErrors).length > 0;
  const lead = leadMessage(outcome, onFields);
  if (lead) said.unshift({ message: lead });

  const failure = outcome.outcome === "failed" || outcome.outcome === "unknown" ? outcome.failure : undefined;
  const existingProfileId = outcome.outcome === "refused" ? outcome.existingProfileId : undefined;
  return {
    outcome: outcome.outcome,
    fieldErrors,
    form:
      said.length > 0 ? { said, failure, existingProfileId, tone: existingProfileId ? "info" : "error" } : undefined,
  };
}
