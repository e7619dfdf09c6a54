import "server-only";
import type { TimelineKind } from "@/lib/webhooks/event-types";
import {
  mergeTimeline,
  type Fetched,
  type TimelineConsoleRow,
  type TimelineCursor,
  type TimelineEntry,
  type TimelineEvent,
} from "@/lib/timeline/entries";
import { ACCESS_ACTIONS, consoleRowsFor, eventsFor, type TimelineFilters } from "@/lib/timeline/filters";
import { userHistory } from "@/server/audit/query";
import type { Database } from "@/server/db";
import { adaptyEventsOf } from "./timeline-events";

/** Entries on one page of the timeline: the first of them rendered with the profile. */
export const TIMELINE_PAGE_SIZE = 50;

const none = <T>(): Fetched<T> => ({ items: [], more: false });

async function eventsPage(db: Database, profileId: string, filters: TimelineFilters): Promise<Fetched<TimelineEvent>> {
  const before = filters.cursor.events;
  if (before === "done" || !eventsFor(filters.kind)) return none();
  const kinds: TimelineKind[] | undefined = filters.kind === undefined ? undefined : [filters.kind];
  const page = await adaptyEventsOf(db, profileId, {
    kinds,
    environment: filters.environment,
    before,
    limit: TIMELINE_PAGE_SIZE,
  });
  return {
    items: page.events.map((event) => ({
      source: "adapty",
      id: event.id,
      at: event.receivedAt,
      eventType: event.eventType,
      payload: event.payload as Record<string, unknown>,
    })),
    more: page.olderThan !== null,
  };
}

async function rowsPage(
  db: Database,
  target: { profileId: string; customerUserId: string | null },
  filters: TimelineFilters,
): Promise<Fetched<TimelineConsoleRow>> {
  const before = filters.cursor.rows;
  const which = consoleRowsFor(filters.kind);
  if (before === "done" || which === "none") return none();
  const actions =
    which === "all" ? undefined : which === "access" ? { only: ACCESS_ACTIONS } : { except: ACCESS_ACTIONS };
  const rows = await userHistory(db, target, { actions, before, limit: TIMELINE_PAGE_SIZE + 1 });
  return {
    items: rows.slice(0, TIMELINE_PAGE_SIZE).map((row) => ({
      source: "console",
      id: row.id,
      at: row.occurredAt,
      action: row.action,
      actorEmail: row.actorEmail,
      reason: row.reason,
      ticket: row.ticket,
      outcome: row.outcome,
      params: (row.params as Record<string, unknown> | null) ?? null,
      adaptyStatus: row.adaptyStatus,
      adaptyErrorCode: row.adaptyErrorCode,
      adaptyRequestId: row.adaptyRequestId,
      undoesEventId: row.undoesEventId,
    })),
    more: rows.length > TIMELINE_PAGE_SIZE,
  };
}

/**
 * One page of a customer's timeline: Adapty's events for the profile and the console's rows
 * about the customer (the environment filter narrows Adapty's events; the console's own rows
 * are not store events and stay), merged newest first.
 */
export async function loadTimeline(
  db: Database,
  target: { profileId: string; customerUserId: string | null },
  filters: TimelineFilters,
): Promise<{ entries: TimelineEntry[]; older: TimelineCursor | null }> {
  const [events, rows] = await Promise.all([eventsPage(db, target.profileId, filters), rowsPage(db, target, filters)]);
  return mergeTimeline(events, rows, TIMELINE_PAGE_SIZE);
}
