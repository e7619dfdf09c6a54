import "server-only";
import { getTranslations } from "next-intl/server";
import type { ChangeAction } from "@/lib/audit/actions";
import type { AdaptyFailure, ChangeOutcome, Message } from "@/lib/change/outcome";
import { recordEvent } from "./index";
import type { Actor, AuditEvent } from "./log";
import { requestContext } from "./request-context";

// A change the agent confirmed that never reached auditedChange() — refused on the console's
// rules or its validation, or failed before it was sent (Adapty could not be read first) —
// still leaves one row: what was asked, by whom, the outcome and why. The action client
// calls this once for every change action (server/auth/action-client.ts).

/** An action's answer as next-safe-action hands it to a middleware. */
export interface ActionAnswer {
  data?: unknown;
  serverError?: unknown;
  validationErrors?: { formErrors?: string[]; fieldErrors?: Record<string, string[] | undefined> };
  /** The error said in `serverError` is a refusal of the console's (a reused submission key), not a failure. */
  refusedByError?: boolean;
}

type Translate = (message: Message) => string;

/** What to record about an answer that wrote no row; undefined when it is not a refusal or a failure. */
export function unrecordedOutcome(
  answer: ActionAnswer,
  translate: Translate,
): { outcome: "refused" | "failed"; detail: string; failure?: AdaptyFailure } | undefined {
  const validation = answer.validationErrors;
  if (validation) {
    const fields = Object.entries(validation.fieldErrors ?? {}).map(([field, keys]) => `${field}: ${keys?.join(", ")}`);
    return {
      outcome: "refused",
      detail: `Refused on validation, nothing sent. ${[...fields, ...(validation.formErrors ?? [])].join("; ")}`,
    };
  }
  if (typeof answer.serverError === "string")
    return answer.refusedByError
      ? { outcome: "refused", detail: `Refused by the console, nothing sent. ${answer.serverError}` }
      : { outcome: "failed", detail: `Failed: ${answer.serverError}` };
  const outcome = answer.data as ChangeOutcome<unknown> | undefined;
  if (outcome?.outcome === "refused") {
    const said = [
      ...(outcome.message ? [translate(outcome.message)] : []),
      ...Object.entries(outcome.fieldErrors ?? {}).map(([field, message]) => `${field}: ${translate(message)}`),
    ];
    return { outcome: "refused", detail: `Refused by the console, nothing sent. ${said.join("; ")}`.trim() };
  }
  if (outcome?.outcome === "failed") {
    const why = outcome.message ? translate(outcome.message) : `Adapty: ${outcome.failure?.kind ?? "no answer"}`;
    return { outcome: "failed", detail: `Failed before the change was sent. ${why}`, failure: outcome.failure };
  }
  return undefined;
}

const OMITTED = new Set(["password", "idempotencyKey", "reason", "ticket"]);
/** PostgreSQL stores no NUL character, in text or JSON: it is kept visibly, as "\0". */
const storable = (value: string, max: number) => value.slice(0, max).replaceAll("\0", "\\0");

/** What was asked, bounded (anyone signed in can send anything) and without secrets. */
export function boundedParams(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return storable(value, 200);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  if (depth >= 3 || typeof value !== "object") return undefined;
  if (Array.isArray(value)) return value.slice(0, 30).map((item) => boundedParams(item, depth + 1));
  const entries = Object.entries(value).filter(([key]) => !OMITTED.has(key));
  return Object.fromEntries(
    entries.slice(0, 40).map(([key, item]) => [storable(key, 100), boundedParams(item, depth + 1)]),
  );
}

const text = (value: unknown, max: number) =>
  typeof value === "string" && value.trim() !== "" ? storable(value.trim(), max) : null;

/** Who the change was about, as far as its input says. */
function targetOf(input: Record<string, unknown>): AuditEvent["target"] {
  return { profileId: text(input.profileId, 500), customerUserId: text(input.customer_user_id, 500) };
}

/** Which change an action makes, when it depends on the input (enabling or disabling). */
export type ChangeName = ChangeAction | ((input: Record<string, unknown>) => ChangeAction);

/** Records a change action's answer that wrote no row of its own. Never raises (like recordEvent). */
export async function recordUnrecordedChange(change: {
  actor: Actor;
  name: ChangeName;
  input: unknown;
  answer: ActionAnswer;
}): Promise<void> {
  const t = await getTranslations();
  const translate: Translate = (message) => {
    const key = typeof message === "string" ? message : message.key;
    const values = typeof message === "string" ? undefined : message.values;
    return t.has(key as "ActionErrors.unexpected") ? t(key as "ActionErrors.unexpected", values) : key;
  };
  const said = unrecordedOutcome(change.answer, translate);
  if (!said) return;
  const input = (typeof change.input === "object" && change.input !== null ? change.input : {}) as Record<
    string,
    unknown
  >;
  await recordEvent({
    actor: change.actor,
    action: typeof change.name === "function" ? change.name(input) : change.name,
    target: targetOf(input),
    params: boundedParams(change.input),
    reason: text(input.reason, 500),
    ticket: text(input.ticket, 64),
    outcome: said.outcome,
    adaptyStatus: said.failure?.status,
    adaptyErrorCode: said.failure?.errorCode,
    adaptyRequestId: said.failure?.requestId,
    detail: storable(said.detail, 500),
    context: await requestContext(),
  });
}
