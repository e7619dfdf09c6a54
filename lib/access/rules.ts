import { deriveAccessStatus, grantsAccess, parseAdaptyDate, type AccessDates } from "@/lib/access/status";

/**
 * Adapty's revoke rules, checked before anything is sent: a revoke time must be in the
 * future and no later than the current expiry (a lifetime level may be ended any time).
 */
export type RevokeProblem = "past" | "after_expiry" | "missing_level";

export function revokeProblem(
  level: AccessDates | undefined,
  revokeAt: Date | null,
  now: number,
): RevokeProblem | null {
  if (!level) return "missing_level";
  if (revokeAt === null) return null; // now
  if (revokeAt.getTime() <= now) return "past";
  const expiresAt = parseAdaptyDate(level.expires_at);
  if (expiresAt !== null && revokeAt.getTime() > expiresAt) return "after_expiry";
  return null;
}

/**
 * A stretch of access the customer has (or is due to have) that a grant would take away:
 * `until` null is for good (lifetime access). `starts_later`: before the grant starts;
 * `ends_earlier`: after it ends.
 */
export interface AccessLoss {
  why: "starts_later" | "ends_earlier";
  /** Milliseconds; `now` when the access is the customer's now. */
  from: number;
  until: number | null;
}

/** The access the customer has now or is due to have, as one period; null when none. */
function currentPeriod(level: AccessDates, now: number): { from: number; until: number | null } | null {
  const status = deriveAccessStatus(level, now);
  const expiresAt = parseAdaptyDate(level.expires_at);
  if (status === "scheduled") return { from: parseAdaptyDate(level.starts_at) ?? now, until: expiresAt };
  if (!grantsAccess(status, level, now)) return null;
  // In a grace period after the paid period, the store keeps access open for a time no one knows.
  return { from: now, until: expiresAt !== null && expiresAt <= now ? now : expiresAt };
}

/**
 * What a grant takes away. Adapty's grant replaces the customer's access to that level, so
 * the whole requested period (start and end) is judged against the access they have: a
 * grant that starts later leaves nothing until it starts, one that ends sooner leaves
 * nothing after it ends — lifetime access included.
 */
export function accessLost(
  level: AccessDates | undefined,
  grant: { startsAt: Date | null; expiresAt: Date | null },
  now: number,
): AccessLoss[] {
  const current = level ? currentPeriod(level, now) : null;
  if (!level || !current) return [];
  const start = Math.max(grant.startsAt?.getTime() ?? now, now);
  const end = grant.expiresAt?.getTime() ?? null;
  const graceOpen = deriveAccessStatus(level, now) === "grace_period" && current.until === now;
  const losses: AccessLoss[] = [];
  const gapUntil = graceOpen || current.until === null ? start : Math.min(start, current.until);
  if (gapUntil > current.from) losses.push({ why: "starts_later", from: current.from, until: gapUntil });
  if (!graceOpen && end !== null && (current.until === null || current.until > end))
    losses.push({ why: "ends_earlier", from: Math.max(end, current.from), until: current.until });
  return losses;
}
