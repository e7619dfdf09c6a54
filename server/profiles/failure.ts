import "server-only";
import type { AdaptyFailure } from "@/lib/profiles/adapty-failure";
import type { AdaptyError } from "@/server/adapty";
import type { Failure } from "@/server/audit";

export function toFailure(error: AdaptyError): AdaptyFailure {
  return { kind: error.kind, status: error.status, errorCode: error.errorCode, requestId: error.requestId };
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

/** An audited change's failure as the browser may see it, when it was Adapty's. */
export function asAdaptyFailure(failure: Failure): AdaptyFailure | undefined {
  return ADAPTY_KINDS.has(failure.kind)
    ? {
        kind: failure.kind as AdaptyFailure["kind"],
        status: failure.status,
        errorCode: failure.errorCode,
        requestId: failure.requestId,
      }
    : undefined;
}
