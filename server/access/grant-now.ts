import "server-only";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { grantableLevels } from "@/lib/access/levels";
import type { GrantRequest } from "@/lib/access/schema";
import { getAdaptyClient } from "@/server/adapty";
import type { BatchRow } from "@/server/audit/log";
import type { Staff } from "@/server/auth/require-staff";
import { getEnv } from "@/server/env";
import { changeAccessLevel, levelOf, levelShows, oneChangeAtATime } from "./change-access-level";

// Not a server action (this file has no "use server"): the grant action calls it after the
// giver's policy, an approval calls it on the requester's behalf, and a bulk batch for each
// of its grant rows.

export interface ChangeOrigin {
  /** The admin who approved it (four-eyes), named on its audit row beside the actor. */
  approvedBy?: { id: string; email: string };
  /** The bulk batch row it is. */
  batch?: BatchRow;
}

/** The grant itself, within policy: by its giver, or by an approval on the requester's behalf. */
export async function grantNow(
  actor: Staff,
  input: GrantRequest,
  { approvedBy, batch }: ChangeOrigin = {},
): Promise<ChangeOutcome<Profile>> {
  // The "before" is read, and the change sent, while no other change to this level runs.
  return oneChangeAtATime(input, async (before) => {
    // The configured levels, and any other the profile has or had (so a mistaken revoke can
    // be granted back): decided on the profile just read, never on the browser's list.
    const offered = grantableLevels(getEnv().adapty.accessLevels, before);
    if (!offered.some((level) => level.id === input.accessLevelId))
      return { outcome: "refused", fieldErrors: { accessLevelId: "Access.errors.levelNotConfigured" } };

    const startsAt = input.startsAt ? new Date(input.startsAt) : undefined;
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    return changeAccessLevel({
      actor,
      approvedBy,
      batch,
      action: "access_level.granted",
      before,
      accessLevelId: input.accessLevelId,
      params: { access_level_id: input.accessLevelId, starts_at: input.startsAt, expires_at: input.expiresAt },
      reason: input.reason,
      ticket: input.ticket,
      idempotencyKey: input.idempotencyKey,
      send: () =>
        getAdaptyClient().grantAccessLevel(
          { profileId: input.profileId },
          { accessLevelId: input.accessLevelId, startsAt, expiresAt },
        ),
      applied: (profile) =>
        levelShows(levelOf(profile, input.accessLevelId), { exactly: expiresAt?.getTime() ?? null }),
    });
  });
}
