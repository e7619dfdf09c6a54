import "server-only";
import { revokeProblem, type RevokeProblem } from "@/lib/access/rules";
import { parseAdaptyDate } from "@/lib/access/status";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeOutcome, Message } from "@/lib/change/outcome";
import type { RevokeRequest } from "@/lib/access/schema";
import { getAdaptyClient } from "@/server/adapty";
import type { Staff } from "@/server/auth/require-staff";
import { changeAccessLevel, levelOf, levelShows, oneChangeAtATime } from "./change-access-level";
import type { ChangeOrigin } from "./grant-now";

// Not a server action (this file has no "use server"): the revoke action calls it, and a
// bulk batch for each of its revoke rows.

/** The revoke itself, judged on a fresh read of the profile before anything is sent. */
export async function revokeNow(
  actor: Staff,
  input: RevokeRequest,
  { batch }: Pick<ChangeOrigin, "batch"> = {},
): Promise<ChangeOutcome<Profile>> {
  // The "before" is read, and the change sent, while no other change to this level runs.
  return oneChangeAtATime(input, async (before) => {
    // Adapty's own rules, checked on a fresh read before anything is sent.
    const revokeAt = input.revokeAt ? new Date(input.revokeAt) : null;
    const current = levelOf(before, input.accessLevelId) ?? undefined;
    const problem = revokeProblem(current, revokeAt, Date.now());
    if (problem)
      return {
        outcome: "refused",
        fieldErrors: { [problem === "missing_level" ? "accessLevelId" : "revokeAt"]: refusal(problem, current) },
      };

    const sentAt = Date.now();
    return changeAccessLevel({
      actor,
      batch,
      action: "access_level.revoked",
      before,
      accessLevelId: input.accessLevelId,
      params: { access_level_id: input.accessLevelId, revoke_at: input.revokeAt },
      reason: input.reason,
      ticket: input.ticket,
      idempotencyKey: input.idempotencyKey,
      send: () =>
        getAdaptyClient().revokeAccessLevel(
          { profileId: input.profileId },
          { accessLevelId: input.accessLevelId, revokeAt: revokeAt ?? undefined },
        ),
      applied: (profile) =>
        levelShows(
          levelOf(profile, input.accessLevelId),
          revokeAt ? { exactly: revokeAt.getTime() } : { within: [sentAt - 60_000, Date.now()] },
        ),
    });
  });
}

/**
 * Why the revoke was refused. Too late a time carries the expiry Adapty holds now (it may
 * have changed since the dialog opened, in another tab), shown in the agent's zone.
 */
function refusal(problem: RevokeProblem, current: { expires_at?: string | null } | undefined): Message {
  const expiresAt = parseAdaptyDate(current?.expires_at);
  return problem === "after_expiry" && expiresAt !== null
    ? { key: "Access.errors.afterCurrentExpiry", values: { expiresAt } }
    : `Access.errors.${problem}`;
}
