"use server";

import type { Profile } from "@/lib/adapty/types";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { changedSince, levelFingerprint, undoPlan, type UndoPlan } from "@/lib/undo/plan";
import { undoSchema, type UndoRequest } from "@/lib/undo/schema";
import { levelOf, oneChangeAtATime } from "@/server/access/change-access-level";
import { actionClient } from "@/server/auth/action-client";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { findUndoable } from "./undoable-row";
import { undoWithGrant, undoWithRevoke } from "./undo-sends";

const refused = (key: string): ChangeOutcome<Profile> => ({ outcome: "refused", message: `Undo.errors.${key}` });

/**
 * An undo, as a new change through the usual path: this customer's level lease, a fresh
 * read, the write-ahead audit row (naming the undone row) and the settling of an unknown
 * outcome. It goes on only on the state the agent previewed, and only as the kind of
 * change (grant or revoke) the action it came through may make.
 */
async function runUndo(kind: UndoPlan["kind"], input: UndoRequest, actor: Staff): Promise<ChangeOutcome<Profile>> {
  const found = await findUndoable(await getDb(), input.eventId, input.profileId);
  if ("refusal" in found) return refused(found.refusal);
  const { row, profileId, accessLevelId } = found.undoable;
  return oneChangeAtATime({ profileId, accessLevelId }, async (before) => {
    const current = levelOf(before, accessLevelId);
    // The agent decided on what the preview showed: another state needs another look.
    if (levelFingerprint(current) !== input.seen) return refused("changedSincePreview");
    if (changedSince(row.accessAfter, current).length > 0 && !input.confirmedChanges) return refused("confirmRequired");
    const plan = undoPlan(row.accessBefore, Date.now());
    // The old expiry passed between preview and now, so the undo would now be a revoke (or the other way).
    if (plan.kind !== kind) return refused("changedSincePreview");
    const change = {
      actor,
      before,
      accessLevelId,
      reason: input.reason,
      ticket: input.ticket,
      idempotencyKey: input.idempotencyKey,
      undoes: row.id,
    };
    if (plan.kind === "grant") return undoWithGrant(change, plan);
    return current ? undoWithRevoke(change) : refused("nothingToRevoke");
  });
}

/** An undo that grants the level back as it was: needs the right to grant. */
export const undoByGrantAction = actionClient
  .metadata({ permission: "access.grant", change: "access_level.granted" })
  .inputSchema(undoSchema)
  .action(async ({ parsedInput, ctx }) => runUndo("grant", parsedInput, ctx.staff));

/** An undo that ends the level now: needs the right to revoke. */
export const undoByRevokeAction = actionClient
  .metadata({ permission: "access.revoke", change: "access_level.revoked" })
  .inputSchema(undoSchema)
  .action(async ({ parsedInput, ctx }) => runUndo("revoke", parsedInput, ctx.staff));
