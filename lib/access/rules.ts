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
 * A grant replaces the customer's current access to that level, so it shortens access
 * when the level is in force now and lasts longer than the grant would.
 */
export function grantShortensAccess(level: AccessDates | undefined, newExpiry: Date | null, now: number): boolean {
  if (!level || newExpiry === null) return false;
  if (!grantsAccess(deriveAccessStatus(level, now), level, now)) return false;
  const currentExpiry = parseAdaptyDate(level.expires_at);
  return currentExpiry === null || currentExpiry > newExpiry.getTime();
}
