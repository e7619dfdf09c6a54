import { TimelineView } from "@/components/timeline/timeline-view";
import type { UndoActions } from "@/lib/undo/preview";
import type { TicketParam } from "@/lib/change/ticket";
import { readTimelineFilters } from "@/lib/timeline/filters";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { withNoteEntries } from "@/server/notes/timeline-notes";
import { loadTimeline } from "@/server/webhooks/timeline";
import { historySince } from "@/server/webhooks/timeline-events";
import { undoStateOf } from "@/server/undo/undoable-row";

export type TimelineParams = Record<string, string | string[] | undefined>;

/** The profile's timeline, read on the server: its first page comes with the profile. */
export async function Timeline(props: {
  profileId: string;
  customerUserId: string | null;
  params: TimelineParams;
  ticket: TicketParam;
  /** The undo's actions, when this member may grant or revoke. */
  undoActions?: UndoActions;
}) {
  const db = await getDb();
  const filters = readTimelineFilters(props.params);
  const { retentionDays } = getEnv().webhook;
  const [page, history] = await Promise.all([
    loadTimeline(db, { profileId: props.profileId, customerUserId: props.customerUserId }, filters),
    historySince(db, retentionDays),
  ]);
  const rows = page.entries.flatMap((entry) =>
    entry.source === "console"
      ? [{ id: entry.id, action: entry.action, outcome: entry.outcome, occurredAt: entry.at }]
      : [],
  );
  const undo = { ...(await undoStateOf(db, rows)), actions: props.undoActions };
  return (
    <TimelineView
      profileId={props.profileId}
      entries={await withNoteEntries(page.entries)}
      older={page.older}
      filters={filters}
      history={history ? { ...history, retentionDays } : null}
      ticket={props.ticket.ticket ?? props.ticket.rejected?.shown}
      undo={undo}
    />
  );
}
