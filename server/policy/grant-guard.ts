import "server-only";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeOutcome, Message } from "@/lib/change/outcome";
import { exceededLimits, type PolicyGrant, type PolicyLimit } from "@/lib/policy/evaluate";
import type { RolePolicy, Settings } from "@/lib/policy/settings";
import type { Role } from "@/lib/staff/roles";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { returnGrantSlot, takeGrantSlot } from "./daily-cap";
import { readSettings } from "./settings-store";

/** A role's grant policy. Viewers give no grants (their permissions say so): they get the agents', never more. */
export const policyOf = (settings: Settings, role: Role): RolePolicy =>
  role === "admin" ? settings.policy.admin : settings.policy.agent;

/** The refusal of a grant beyond its giver's policy: nothing was sent, and it may go to an admin for approval. */
export const beyondPolicy = (
  limits: PolicyLimit[],
  message: Message = "Policy.beyond",
): Extract<ChangeOutcome, { outcome: "refused" }> => ({ outcome: "refused", message, beyondPolicy: limits });

/**
 * Runs a grant only if it stays within its giver's policy (the grant action, undo): the
 * period, lifetime and level are judged first; then one of today's slots is taken
 * atomically, and given back if the grant did not go through (refused, failed, or a replay
 * of a grant already counted).
 */
export async function withinGrantPolicy(
  giver: Staff,
  grant: PolicyGrant,
  refusal: Message,
  run: () => Promise<ChangeOutcome<Profile>>,
): Promise<ChangeOutcome<Profile>> {
  const db = await getDb();
  const policy = policyOf((await readSettings(db)).settings, giver.role);
  const limits = exceededLimits(policy, grant, Date.now());
  if (limits.length > 0) return beyondPolicy(limits, refusal);
  if (policy.dailyCap === null) return run();

  const day = await takeGrantSlot(db, giver.id, policy.dailyCap);
  if (day === null) return beyondPolicy([{ kind: "dailyCap", cap: policy.dailyCap }], refusal);
  let outcome: ChangeOutcome<Profile> | undefined;
  try {
    outcome = await run();
    return outcome;
  } finally {
    const counted =
      outcome && (outcome.outcome === "unknown" || (outcome.outcome === "succeeded" && !outcome.replayed));
    if (!counted) await returnGrantSlot(db, giver.id, day);
  }
}
