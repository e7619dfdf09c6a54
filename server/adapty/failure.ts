import "server-only";
import type { AdaptyFailure } from "@/lib/change/outcome";
import type { AdaptyError } from "./errors";

/** The one translation of an AdaptyError into what the browser may see: the kind and the references. */
export function toFailure(error: AdaptyError): AdaptyFailure {
  return {
    kind: error.kind,
    status: error.status,
    errorCode: error.errorCode,
    requestId: error.requestId,
    retryAfterMs: error.retryAfterMs,
  };
}

const ADAPTY_KINDS = new Set<string>([
  "not_found",
  "key_rejected",
  "rate_limited",
  "unavailable",
  "timeout",
  "unexpected_response",
  "invalid_request",
]);

/** A recorded failure as the browser may see it, when it was Adapty's (a staff-table error is not). */
export function asAdaptyFailure(failure: {
  kind: string;
  status?: number;
  errorCode?: string;
  requestId?: string;
  retryAfterMs?: number;
}): AdaptyFailure | undefined {
  return ADAPTY_KINDS.has(failure.kind)
    ? {
        kind: failure.kind as AdaptyFailure["kind"],
        status: failure.status,
        errorCode: failure.errorCode,
        requestId: failure.requestId,
        retryAfterMs: failure.retryAfterMs,
      }
    : undefined;
}
