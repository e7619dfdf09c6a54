import "server-only";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeOutcome } from "@/lib/change/outcome";
import type { UndoPlan } from "@/lib/undo/plan";
import { getAdaptyClient } from "@/server/adapty";
import { changeAccessLevel, levelOf, levelShows } from "@/server/access/change-access-level";
import type { Staff } from "@/server/auth/require-staff";
import { withinGrantPolicy } from "@/server/policy/grant-guard";

/** What every undo sends through the usual path: who, on which customer and level, why, and the row it undoes. */
export interface UndoChange {
  actor: Staff;
  before: Profile;
  accessLevelId: string;
  reason: string;
  ticket: string | undefined;
  idempotencyKey: string;
  undoes: number;
}

const userOf = (change: UndoChange) => ({ profileId: change.before.profile_id });

/**
 * The one way an undo grants: the level back with exactly the expiry (null: lifetime) and
 * future start it had, within the undoer's grant policy.
 */
export async function undoWithGrant(
  change: UndoChange,
  plan: Extract<UndoPlan, { kind: "grant" }>,
): Promise<ChangeOutcome<Profile>> {
  const expiresAt = plan.expiresAt ? new Date(plan.expiresAt) : null;
  const startsAt = plan.startsAt ? new Date(plan.startsAt) : undefined;
  const grant = {
    accessLevelId: change.accessLevelId,
    startsAt: startsAt?.getTime() ?? null,
    expiresAt: expiresAt?.getTime() ?? null,
  };
  // An undo that grants is held to the undoer's grant policy, daily cap included, like any grant.
  return withinGrantPolicy(change.actor, grant, "Undo.errors.beyondPolicy", () =>
    changeAccessLevel({
      ...change,
      action: "access_level.granted",
      params: {
        access_level_id: change.accessLevelId,
        starts_at: plan.startsAt,
        expires_at: plan.expiresAt,
        undoes: change.undoes,
      },
      send: () =>
        getAdaptyClient().grantAccessLevel(userOf(change), {
          accessLevelId: change.accessLevelId,
          startsAt,
          expiresAt,
        }),
      applied: (profile) =>
        levelShows(levelOf(profile, change.accessLevelId), { exactly: expiresAt?.getTime() ?? null }),
    }),
  );
}

/** An undo that ends the level now: the customer had no access (or only ended access) before the undone change. */
export async function undoWithRevoke(change: UndoChange): Promise<ChangeOutcome<Profile>> {
  const sentAt = Date.now();
  return changeAccessLevel({
    ...change,
    action: "access_level.revoked",
    params: { access_level_id: change.accessLevelId, revoke_at: null, undoes: change.undoes },
    send: () => getAdaptyClient().revokeAccessLevel(userOf(change), { accessLevelId: change.accessLevelId }),
    applied: (profile) => levelShows(levelOf(profile, change.accessLevelId), { within: [sentAt - 60_000, Date.now()] }),
  });
}
