import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { undoRefusal, type UndoRefusal } from "@/lib/undo/window";
import type { AuditRow } from "@/server/audit/log";
import type { Database } from "@/server/db";
import { auditEvents } from "@/server/db/schema";
import { undoWindowMs } from "./undo-window";

/** The outcomes in which an undo holds its row (the partial unique index audit_events_one_undo says the same). */
const HOLDING = ["pending", "succeeded", "unknown"] as const;

/** For each of these rows that an undo took: the id of that undo. */
export async function undoneBy(db: Database, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: auditEvents.id, undoes: auditEvents.undoesEventId })
    .from(auditEvents)
    .where(and(inArray(auditEvents.undoesEventId, ids), inArray(auditEvents.outcome, [...HOLDING])));
  return new Map(rows.flatMap((row) => (row.undoes === null ? [] : [[row.undoes, row.id] as const])));
}

/** An undoable grant or revoke: its row, the customer and the level it changed. */
export interface Undoable {
  row: AuditRow;
  profileId: string;
  accessLevelId: string;
}

/**
 * The row to undo, or why it cannot be: not there (or about another customer), not a grant
 * or revoke, not succeeded, older than the window, already undone.
 */
export async function findUndoable(
  db: Database,
  eventId: number,
  profileId?: string,
): Promise<{ undoable: Undoable } | { refusal: UndoRefusal }> {
  const [found] = await db.select().from(auditEvents).where(eq(auditEvents.id, eventId));
  const row = found && (profileId === undefined || found.targetProfileId === profileId) ? found : undefined;
  const undone = (await undoneBy(db, [eventId])).get(eventId);
  const refusal = undoRefusal(row, undone, Date.now(), await undoWindowMs(db));
  if (refusal || !row) return { refusal: refusal ?? "notFound" };
  const params = (row.params ?? {}) as Record<string, unknown>;
  const accessLevelId = typeof params.access_level_id === "string" ? params.access_level_id : null;
  if (!row.targetProfileId || !accessLevelId) return { refusal: "notAccessChange" };
  return { undoable: { row, profileId: row.targetProfileId, accessLevelId } };
}

/** Which of these rows may get Undo now, and which an undo already took: for the pages that list them. */
export async function undoStateOf(db: Database, rows: Pick<AuditRow, "id" | "action" | "outcome" | "occurredAt">[]) {
  const taken = await undoneBy(
    db,
    rows.map((row) => row.id),
  );
  const now = Date.now();
  const windowMs = await undoWindowMs(db);
  return {
    undoable: rows.filter((row) => undoRefusal(row, taken.get(row.id), now, windowMs) === null).map((row) => row.id),
    undoneBy: Object.fromEntries(taken),
  };
}
