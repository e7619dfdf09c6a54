import "server-only";

/** What went wrong, in the terms the console acts on. */
export type AdaptyErrorKind =
  | "not_found" // no such profile
  | "invalid_request" // Adapty (or the client, before sending) refused the input; see fieldErrors
  | "key_rejected" // the console's API key: an operator problem, not the agent's
  | "rate_limited"
  | "unavailable" // Adapty down, 5xx, or the connection failed
  | "timeout"
  | "unexpected_response"; // an answer of a shape the OpenAPI file does not allow

export interface AdaptyErrorDetails {
  kind: AdaptyErrorKind;
  status?: number;
  errorCode?: string;
  requestId?: string;
  /** Adapty's messages by `source` (a field name such as `revoke_at` or `custom_attributes.3.key`). */
  fieldErrors?: Record<string, string[]>;
  /** Messages not tied to a field (`source` null or `non_field_errors`, or the flat error form). */
  formErrors?: string[];
  retryAfterMs?: number;
  /**
   * For a change: true when it may have reached Adapty and been applied (a timeout or a
   * connection dropped after sending). The caller must re-read before telling the agent.
   */
  outcomeUnknown?: boolean;
}

/**
 * The one error the client throws. Its message is built from fixed text and Adapty's
 * own error code — never from request headers — so it cannot carry the API key.
 */
const BRAND = Symbol.for("adapty-support-console.AdaptyError");

export class AdaptyError extends Error {
  // Next.js may bundle this module more than once in one process; the brand makes
  // `instanceof` hold for an error thrown by any copy of the class.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
  readonly [BRAND] = true;
  override name = "AdaptyError";
  readonly kind: AdaptyErrorKind;
  readonly status: number | undefined;
  readonly errorCode: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: Record<string, string[]>;
  readonly formErrors: string[];
  readonly retryAfterMs: number | undefined;
  readonly outcomeUnknown: boolean;

  constructor(message: string, details: AdaptyErrorDetails) {
    super(message);
    this.kind = details.kind;
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.requestId = details.requestId;
    this.fieldErrors = details.fieldErrors ?? {};
    this.formErrors = details.formErrors ?? [];
    this.retryAfterMs = details.retryAfterMs;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

export function kindForStatus(status: number): AdaptyErrorKind {
  if (status === 404) return "not_found";
  if (status === 400 || status === 422) return "invalid_request";
  if (status === 401 || status === 403) return "key_rejected";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "unexpected_response";
}

const NON_FIELD_SOURCES = new Set([null, undefined, "", "non_field_errors"]);

export interface ParsedErrorBody {
  errorCode?: string;
  fieldErrors: Record<string, string[]>;
  formErrors: string[];
}

/**
 * Reads both error forms found in Adapty's OpenAPI file:
 *   {"errors":[{"source":"revoke_at","errors":["…"]}],"error_code":"…","status_code":400}
 *   {"errors":["Invalid API key"],"error_code":"unauthorized","status_code":401}
 */
export function parseErrorBody(body: unknown): ParsedErrorBody {
  const parsed: ParsedErrorBody = { fieldErrors: {}, formErrors: [] };
  if (typeof body !== "object" || body === null) return parsed;
  const { errors, error_code: errorCode } = body as { errors?: unknown; error_code?: unknown };
  if (typeof errorCode === "string") parsed.errorCode = errorCode.slice(0, 200);
  if (!Array.isArray(errors)) return parsed;

  for (const entry of errors.slice(0, 100)) {
    if (typeof entry === "string") {
      parsed.formErrors.push(entry);
      continue;
    }
    if (typeof entry !== "object" || entry === null) continue;
    const { source, errors: messages } = entry as { source?: unknown; errors?: unknown };
    const texts = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === "string") : [];
    if (NON_FIELD_SOURCES.has(source as string | null | undefined) || typeof source !== "string") {
      parsed.formErrors.push(...texts);
    } else {
      (parsed.fieldErrors[source] ??= []).push(...texts);
    }
  }
  return parsed;
}
