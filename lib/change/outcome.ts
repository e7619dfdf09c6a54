import type { PolicyLimit } from "@/lib/policy/evaluate";

// The one answer every audited change gives the browser — grant, revoke, create, edit,
// delete, staff changes — and the one shape of a failed Adapty read. Words are never
// sent: a message is a catalogue key (a full path such as "Access.errors.missing_level",
// or a schema's short key that the form's own namespace completes), translated where it
// is shown. Adapty's status, code and request id travel with it for the engineer.

/** What the browser learns about a failed Adapty request: the kind (which decides the words) and the references. */
export interface AdaptyFailure {
  kind:
    | "not_found"
    | "key_rejected"
    | "rate_limited"
    | "unavailable"
    | "timeout"
    | "unexpected_response"
    | "invalid_request";
  status?: number;
  errorCode?: string;
  requestId?: string;
  /** Adapty's Retry-After on a 429 (ms), when it sent one. */
  retryAfterMs?: number;
}

/** A catalogue key, with the values its message needs (a moment as epoch ms, named `…At`: components/ui/use-message.ts). */
export type Message = string | { key: string; values: Record<string, string | number> };

/** Messages by field path (a form field's name, or Adapty's `source` such as `custom_attributes.3.key`). */
export type FieldErrors = Record<string, Message>;

export type ChangeOutcome<T = null> =
  /** Done; `replayed` when a repeated submission got the first one's answer. */
  | { outcome: "succeeded"; value: T; replayed?: boolean }
  /** Nothing was sent: the console's own rules, or the state Adapty holds, forbid it. */
  | {
      outcome: "refused";
      message?: Message;
      fieldErrors?: FieldErrors;
      existingProfileId?: string;
      /** A grant beyond its giver's policy: the limits it passes (it may be sent for approval instead). */
      beyondPolicy?: PolicyLimit[];
    }
  /** Sent, and Adapty (or the staff table) said no, or could not be reached: nothing changed. */
  | { outcome: "failed"; message?: Message; fieldErrors?: FieldErrors; failure?: AdaptyFailure }
  /** Sent, but whether it took effect is not known yet (a timeout, or a submission still in flight). */
  | { outcome: "unknown"; message?: Message; failure?: AdaptyFailure };

/** One read of a profile (or any Adapty read): the value, or why it could not be had. */
export type ReadResult<T> = { profile: T } | { failure: AdaptyFailure };

/** The catalogue key that says why a change failed, without blaming Adapty's judgement for its outage. */
export function failureMessage(failure: AdaptyFailure | undefined): string {
  if (failure?.kind === "timeout") return "Change.failedTimeout";
  if (failure?.kind === "unavailable") return "Change.failedUnavailable";
  if (failure?.kind === "rate_limited") return "Change.failedRateLimited";
  return "Change.failed";
}
