import "server-only";
import type { UndoActions } from "@/lib/undo/preview";
import { can, type Role } from "@/server/auth/permissions";
import { previewUndoAction } from "./preview-undo";
import { undoByGrantAction, undoByRevokeAction } from "./undo-change";

/**
 * The undo's actions for a page to hand down, or none when this member may neither grant
 * nor revoke (then no Undo is offered). Each undo action checks its own permission again.
 */
export function undoActionsFor(role: Role): UndoActions | undefined {
  if (!can(role, "access.grant") && !can(role, "access.revoke")) return undefined;
  return { preview: previewUndoAction, grant: undoByGrantAction, revoke: undoByRevokeAction };
}
