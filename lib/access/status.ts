// Adapty's access levels carry no "is active": the status is derived here, in one place,
// from the dates and flags against the current time.

export type AccessStatus =
  | "scheduled"
  | "active"
  | "lifetime"
  | "renewal_cancelled"
  | "revoke_scheduled"
  | "grace_period"
  | "billing_issue"
  | "expired";

/** The fields the status depends on (a subset of Adapty's AccessLevel). */
export interface AccessDates {
  starts_at?: string | null;
  expires_at?: string | null;
  renewal_cancelled_at?: string | null;
  billing_issue_detected_at?: string | null;
  is_in_grace_period?: boolean;
  cancellation_reason?: string | null;
}

/** Adapty writes offsets as `+00:00` and sometimes `+0000`; both parse here. */
export function parseAdaptyDate(value: string | null | undefined): number | null {
  if (!value) return null;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return Number.isNaN(time) ? null : time;
}

/** The same, as a Date for display; null when absent or unreadable. */
export function adaptyDate(value: string | null | undefined): Date | null {
  const time = parseAdaptyDate(value);
  return time === null ? null : new Date(time);
}

export function deriveAccessStatus(level: AccessDates, now: number): AccessStatus {
  const startsAt = parseAdaptyDate(level.starts_at);
  const expiresAt = parseAdaptyDate(level.expires_at);
  if (startsAt !== null && startsAt > now) return "scheduled";
  // In a grace period the store keeps access open although the paid period has ended.
  if (level.is_in_grace_period) return "grace_period";
  if (expiresAt !== null && expiresAt <= now) return level.billing_issue_detected_at ? "billing_issue" : "expired";
  if (level.billing_issue_detected_at) return "billing_issue";
  if (expiresAt === null) return "lifetime";
  // A revoke at a later time (through Adapty's API) moves the expiry there and marks the level so.
  if (level.cancellation_reason === "adapty_revoked") return "revoke_scheduled";
  if (level.renewal_cancelled_at) return "renewal_cancelled";
  return "active";
}

/** Whether the customer has this access right now. */
export function grantsAccess(status: AccessStatus, level: AccessDates, now: number): boolean {
  if (status === "scheduled" || status === "expired") return false;
  if (status === "billing_issue") return (parseAdaptyDate(level.expires_at) ?? Infinity) > now;
  return true;
}

/** Current access first, then what is to come, then what has ended; later expiry first within each. */
export function sortByStatus<T extends AccessDates>(levels: T[], now: number): T[] {
  const rank = (level: T) => {
    const status = deriveAccessStatus(level, now);
    return grantsAccess(status, level, now) ? 0 : status === "scheduled" ? 1 : 2;
  };
  const expiry = (level: T) => parseAdaptyDate(level.expires_at) ?? Infinity;
  return [...levels].sort((a, b) => rank(a) - rank(b) || expiry(b) - expiry(a));
}
