import type { RolePolicy } from "./settings";

// Whether a grant stays within its giver's policy: pure, so the grant form shows the same
// verdict the grant action, the approval queue and undo reach on the server.

/** A limit of the policy that a grant goes beyond. */
export type PolicyLimit =
  | { kind: "duration"; maxDays: number }
  | { kind: "lifetime" }
  | { kind: "level"; allowed: string[] }
  | { kind: "dailyCap"; cap: number };

export interface PolicyGrant {
  accessLevelId: string;
  /** Epoch ms; null: from now. */
  startsAt: number | null;
  /** Epoch ms; null: lifetime. */
  expiresAt: number | null;
}

const DAY_MS = 86_400_000;
/**
 * "N days" chosen in a zone whose clocks change within them is N × 24 h plus an hour, so an
 * hour of grace keeps the form's presets (1 month, 3 months) inside a limit of that many days.
 */
export const CLOCK_CHANGE_GRACE_MS = 3_600_000;

/** The longest period a limit of `maxDays` allows, in ms. */
export const longestGrantMs = (maxDays: number) => maxDays * DAY_MS + CLOCK_CHANGE_GRACE_MS;

/**
 * The limits a grant goes beyond (none: it may be given directly). `grantsToday` is how many
 * grants the giver made today (UTC); omitted, the daily cap is not judged (the server takes
 * a slot atomically instead: server/policy/daily-cap.ts).
 */
export function exceededLimits(
  policy: RolePolicy,
  grant: PolicyGrant,
  now: number,
  grantsToday?: number,
): PolicyLimit[] {
  const limits: PolicyLimit[] = [];
  if (policy.levels !== null && !policy.levels.includes(grant.accessLevelId))
    limits.push({ kind: "level", allowed: policy.levels });
  if (grant.expiresAt === null) {
    if (!policy.lifetime) limits.push({ kind: "lifetime" });
  } else if (policy.maxDays !== null) {
    const start = Math.max(grant.startsAt ?? now, now);
    if (grant.expiresAt - start > longestGrantMs(policy.maxDays))
      limits.push({ kind: "duration", maxDays: policy.maxDays });
  }
  if (policy.dailyCap !== null && grantsToday !== undefined && grantsToday >= policy.dailyCap)
    limits.push({ kind: "dailyCap", cap: policy.dailyCap });
  return limits;
}

/** A grant's request (instants as ISO strings, as the form and the action carry them) in the policy's terms. */
export const asPolicyGrant = (grant: {
  accessLevelId: string;
  startsAt?: string | null;
  expiresAt?: string | null;
}): PolicyGrant => ({
  accessLevelId: grant.accessLevelId,
  startsAt: grant.startsAt ? Date.parse(grant.startsAt) : null,
  expiresAt: grant.expiresAt ? Date.parse(grant.expiresAt) : null,
});
