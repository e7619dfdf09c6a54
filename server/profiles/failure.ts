import "server-only";
import type { AdaptyFailure } from "@/lib/profiles/adapty-failure";
import type { AdaptyError } from "@/server/adapty";

export function toFailure(error: AdaptyError): AdaptyFailure {
  return { kind: error.kind, status: error.status, errorCode: error.errorCode, requestId: error.requestId };
}
