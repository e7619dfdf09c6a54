// The timeline's filters, read from the page's search parameters. They are applied on the
// server, in the queries (not in the browser over what is loaded): a page of 50 then holds
// 50 entries of the chosen kind, "Show older" pages through that kind's whole history, and
// the page works without JavaScript.
import { TIMELINE_KINDS, type TimelineKind } from "@/lib/webhooks/event-types";
import { decodeCursor, encodeCursor, type TimelineCursor } from "./entries";

export const ENVIRONMENTS = ["Production", "Sandbox"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface TimelineFilters {
  kind?: TimelineKind;
  environment?: Environment;
  cursor: TimelineCursor;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function readTimelineFilters(params: Record<string, string | string[] | undefined>): TimelineFilters {
  const kind = TIMELINE_KINDS.find((name) => name === first(params.kind));
  const environment = ENVIRONMENTS.find((name) => name.toLowerCase() === first(params.env)?.toLowerCase());
  return { kind, environment, cursor: decodeCursor(first(params.before)) };
}

/** Grants and revokes are access changes; every other console row is a staff action. */
export const ACCESS_ACTIONS = ["access_level.granted", "access_level.revoked"] as const;

export const kindOfConsoleAction = (action: string): TimelineKind =>
  (ACCESS_ACTIONS as readonly string[]).includes(action) ? "access" : "staff";

/** Which of the console's rows a kind filter keeps: all, only access changes, only the others, or none. */
export function consoleRowsFor(kind: TimelineKind | undefined): "all" | "access" | "staff" | "none" {
  if (kind === undefined) return "all";
  return kind === "access" || kind === "staff" ? kind : "none";
}

/** Whether a kind filter keeps any of Adapty's events ("staff" is the console's alone). */
export const eventsFor = (kind: TimelineKind | undefined) => kind !== "staff";

/**
 * The query string of a filter link or the next page: the ticket carried on, the other
 * filter kept, paging started again unless a cursor is given.
 */
export function timelineQuery(
  filters: TimelineFilters,
  change: { kind?: TimelineKind | null; environment?: Environment | null; cursor?: TimelineCursor },
  ticket?: string,
): string {
  const kind = change.kind === undefined ? filters.kind : (change.kind ?? undefined);
  const environment = change.environment === undefined ? filters.environment : (change.environment ?? undefined);
  const query = new URLSearchParams();
  if (ticket) query.set("ticket", ticket);
  if (kind) query.set("kind", kind);
  if (environment) query.set("env", environment.toLowerCase());
  if (change.cursor) query.set("before", encodeCursor(change.cursor));
  return `?${query.toString()}#timeline`;
}
