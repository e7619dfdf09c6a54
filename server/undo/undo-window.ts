import "server-only";
import type { Database } from "@/server/db";
import { readSettings } from "@/server/policy/settings-store";

/**
 * How long a change stays undoable: the admins' setting (Settings page, `undoHours`), read in
 * this one place by the actions that check it and the pages that offer Undo.
 */
export const undoWindowMs = async (db: Database): Promise<number> =>
  (await readSettings(db)).settings.undoHours * 3_600_000;
