import "server-only";
import { UNDO_WINDOW_MS } from "@/lib/undo/window";

/**
 * How long a change stays undoable: the one place the server reads it (the actions that
 * check it, the pages that offer Undo). A constant for now; an admin setting may replace it here.
 */
export const undoWindowMs = (): number => UNDO_WINDOW_MS;
