// How long after a grant or revoke its Undo is offered. One constant for now; the server
// reads it in one place (server/undo/undo-window.ts) and hands what it decides to the pages.
export const UNDO_WINDOW_MS = 24 * 60 * 60 * 1000;

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
