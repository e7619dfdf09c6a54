// Whether a grant or revoke may still be undone. How long Undo is offered is the admins'
// setting, read on the server in one place (server/undo/undo-window.ts).

/** An audit row as far as Undo cares: which change it was, whether it took effect, and when. */
export interface UndoCandidate {
  action: string;
  outcome: string;
  occurredAt: Date;
}

const UNDOABLE_ACTIONS: readonly string[] = ["access_level.granted", "access_level.revoked"];

/** Why a row cannot be undone (keys of the Undo.errors catalogue), or null when it can. */
export type UndoRefusal = "notFound" | "notAccessChange" | "notSucceeded" | "tooOld" | "alreadyUndone";

export function undoRefusal(
  row: UndoCandidate | undefined,
  undoneBy: number | undefined,
  now: number,
  windowMs: number,
): UndoRefusal | null {
  if (!row) return "notFound";
  if (!UNDOABLE_ACTIONS.includes(row.action)) return "notAccessChange";
  if (row.outcome !== "succeeded") return "notSucceeded";
  if (now - row.occurredAt.getTime() > windowMs) return "tooOld";
  if (undoneBy !== undefined) return "alreadyUndone";
  return null;
}
