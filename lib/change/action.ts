import type { ChangeOutcome } from "./outcome";

// What a server action hands the browser, as next-safe-action shapes it, declared here so
// that client components can take actions as props without importing anything from
// server/: the pages in app/ pass the real actions, and the compiler checks there that
// each one fits the prop.

/** An action's answer: its data, or a sentence for a refusal it did not answer as data, or its schema's keys by field. */
export interface ActionResult<T> {
  data?: T;
  /** Already in the agent's language (signed out, forbidden, database down…). */
  serverError?: string;
  /** The schema's message keys (short keys of the form's namespace), by field. */
  validationErrors?: { formErrors?: string[]; fieldErrors?: Partial<Record<string, string[]>> };
}

/** A server action as a client component receives it. */
export type ConsoleAction<I, T> = (input: I) => Promise<ActionResult<T> | undefined>;

/** A server action that changes something and answers with the one outcome of every change. */
export type ChangeActionFn<I, T = null> = ConsoleAction<I, ChangeOutcome<T>>;
