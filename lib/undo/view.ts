import type { UndoActions } from "./preview";

// What the pages that list audit rows (the timeline, the audit log) know about undoing them,
// decided on the server (server/undo/undoable-row.ts) and read by the server components that
// render each row. Plain data and a plain function: no client code.

/** What a page hands its rows: the undo's actions (absent: this member may not undo), which rows may be undone, and by whom they were. */
export interface UndoView {
  actions?: UndoActions;
  undoable: number[];
  undoneBy: Record<number, number>;
}

/** What a page knows about undoing one row: whether it may be undone now, and the undo that took it. */
export interface UndoState {
  undoable: boolean;
  undoneBy?: number;
  /** The row this one undoes. */
  undoes?: number | null;
}

/** One row's part of the page's UndoView. */
export const undoStateFor = (view: UndoView, id: number, undoes: number | null | undefined): UndoState => ({
  undoable: view.undoable.includes(id),
  undoneBy: view.undoneBy[id],
  undoes,
});
