import "server-only";
import type { FieldErrors } from "@/lib/change/outcome";
import type { Failure } from "@/server/audit";

/** Which dialog field an Adapty error code is about, so the dialog shows it there. */
const ADAPTY_ERROR_FIELDS: Record<string, "accessLevelId" | "revokeAt" | "startsAt" | "expiresAt"> = {
  paid_access_level_does_not_exist: "accessLevelId",
  profile_paid_access_level_does_not_exist: "accessLevelId",
  revocation_date_more_than_expiration_date: "revokeAt",
  value_error: "revokeAt",
};

/** A grant's or revoke's failure on its field, in the words of Access.errors (keyed by Adapty's code). */
export function accessFieldErrors(failure: Failure): FieldErrors | undefined {
  const field = failure.errorCode ? ADAPTY_ERROR_FIELDS[failure.errorCode] : undefined;
  return field ? { [field]: `Access.errors.${failure.errorCode}` } : undefined;
}
