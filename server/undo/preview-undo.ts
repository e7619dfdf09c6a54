"use server";

import { changedSince, levelFingerprint, undoPlan } from "@/lib/undo/plan";
import type { UndoPreviewAnswer } from "@/lib/undo/preview";
import { undoPreviewSchema } from "@/lib/undo/schema";
import { levelOf } from "@/server/access/change-access-level";
import { readProfile } from "@/server/adapty/read-profile";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { findUndoable } from "./undoable-row";

/**
 * What an undo would do, before the agent decides: the level the undone change found (to
 * be restored), the level Adapty holds now (read fresh), and how it differs from what the
 * change left. A read: nothing is sent and nothing recorded.
 */
export const previewUndoAction = actionClient
  .metadata({ permission: "profiles.read" })
  .inputSchema(undoPreviewSchema)
  .action(async ({ parsedInput: { eventId } }): Promise<UndoPreviewAnswer> => {
    const found = await findUndoable(await getDb(), eventId);
    if ("refusal" in found) return { refusal: `Undo.errors.${found.refusal}` };
    const { row, profileId, accessLevelId } = found.undoable;
    const read = await readProfile({ profileId });
    if ("failure" in read) return { failure: read.failure };
    const current = levelOf(read.profile, accessLevelId);
    const plan = undoPlan(row.accessBefore, Date.now());
    if (plan.kind === "revoke" && !current) return { refusal: "Undo.errors.nothingToRevoke" };
    return {
      preview: {
        eventId,
        profileId,
        accessLevelId,
        restores: row.accessBefore,
        current,
        plan,
        changes: changedSince(row.accessAfter, current),
        seen: levelFingerprint(current),
      },
    };
  });
