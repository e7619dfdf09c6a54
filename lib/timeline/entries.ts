// The timeline's one list: Adapty's webhook events and the console's own audit rows,
// newest first by when the console learnt of them (an event's receipt, a row's writing),
// paged by a cursor that remembers where each of the two lists stopped.
import type { AuditOutcome } from "@/lib/audit/actions";

export interface TimelineEvent {
  source: "adapty";
  id: number;
  at: Date;
  eventType: string;
  payload: Record<string, unknown>;
}

export interface TimelineConsoleRow {
  source: "console";
  id: number;
  at: Date;
  action: string;
  actorEmail: string | null;
  reason: string | null;
  ticket: string | null;
  outcome: AuditOutcome;
  params: Record<string, unknown> | null;
  adaptyStatus: number | null;
  adaptyErrorCode: string | null;
  adaptyRequestId: string | null;
  /** The row this one undoes (an undo of a grant or revoke). */
  undoesEventId?: number | null;
}

/**
 * A note staff added on the customer: the place of its `note.added` row, with the note as
 * it reads now (edited since, or null once deleted: a deleted note's words are not shown).
 */
export interface TimelineNote {
  source: "note";
  /** The audit row's id. */
  id: number;
  at: Date;
  authorEmail: string | null;
  note: { body: string; ticket: string | null; edited: boolean } | null;
}

export type TimelineEntry = TimelineEvent | TimelineConsoleRow | TimelineNote;

/** Where each list goes on from: before this id, or "done" when it has nothing older. */
export interface TimelineCursor {
  events?: number | "done";
  rows?: number | "done";
}

const part = (value: number | "done" | undefined) =>
  value === undefined ? "n" : value === "done" ? "-" : String(value);
const read = (value: string): number | "done" | undefined =>
  value === "n" ? undefined : value === "-" ? "done" : Number(value);

export const encodeCursor = (cursor: TimelineCursor) => `e${part(cursor.events)}.a${part(cursor.rows)}`;

/** The `before` search parameter, or the newest page when it is not one of ours. */
export function decodeCursor(raw: string | undefined): TimelineCursor {
  const match = /^e(\d{1,15}|-|n)\.a(\d{1,15}|-|n)$/.exec(raw ?? "");
  return match ? { events: read(match[1]!), rows: read(match[2]!) } : {};
}

/** One fetched list: newest first, and whether the source holds more beyond it. */
export interface Fetched<T> {
  items: T[];
  more: boolean;
}

function nextOf(items: { id: number }[], taken: number, more: boolean): number | "done" {
  const next = items[taken];
  // ids only grow, so "before next.id + 1" starts the next page at the first entry not shown.
  if (next) return next.id + 1;
  const last = items.at(-1);
  return more && last ? last.id : "done";
}

/**
 * Merges the two lists (each newest first) into one page of at most `limit`, keeping each
 * list's own order (ties: the event first), and the cursor of the next, older page.
 */
export function mergeTimeline(
  events: Fetched<TimelineEvent>,
  rows: Fetched<TimelineConsoleRow>,
  limit: number,
): { entries: TimelineEntry[]; older: TimelineCursor | null } {
  const entries: TimelineEntry[] = [];
  let e = 0;
  let r = 0;
  while (entries.length < limit && (e < events.items.length || r < rows.items.length)) {
    const event = events.items[e];
    const row = rows.items[r];
    if (event && (!row || event.at.getTime() >= row.at.getTime())) {
      entries.push(event);
      e += 1;
    } else if (row) {
      entries.push(row);
      r += 1;
    }
  }
  const older = { events: nextOf(events.items, e, events.more), rows: nextOf(rows.items, r, rows.more) };
  return { entries, older: older.events === "done" && older.rows === "done" ? null : older };
}
