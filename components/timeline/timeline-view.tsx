import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { TimelineCursor, TimelineEntry } from "@/lib/timeline/entries";
import { timelineQuery, type TimelineFilters } from "@/lib/timeline/filters";
import type { UndoView } from "@/lib/undo/view";
import { ConsoleEntry } from "./console-entry";
import { EventEntry } from "./event-entry";
import { NoteEntry } from "./note-entry";
import { TimelineFilterLinks } from "./timeline-filters";

export type HistoryKnown = { since: Date; trimmed: boolean; retentionDays: number } | null;

function HistoryHead({ history }: { history: HistoryKnown }) {
  const t = useTranslations("Timeline");
  const format = useFormatter();
  if (history === null)
    return (
      <div className="mt-2 rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
        <p className="font-medium">{t("notConnected")}</p>
        <p className="mt-1 text-xs">{t("notConnectedHint")}</p>
      </div>
    );
  const date = format.dateTime(history.since, { year: "numeric", month: "short", day: "numeric" });
  return (
    <p className="mt-1 text-sm text-slate-600">
      {history.trimmed ? t("sinceTrimmed", { date, days: history.retentionDays }) : t("since", { date })}
    </p>
  );
}

/**
 * The profile's timeline: Adapty's events and the console's own rows in one list, newest
 * first; a page at a time (`before` cursor), filtered by kind and environment on the server.
 */
export function TimelineView(props: {
  profileId: string;
  entries: TimelineEntry[];
  older: TimelineCursor | null;
  filters: TimelineFilters;
  history: HistoryKnown;
  ticket?: string;
  /** Which of the console's rows may be undone, and the undo's actions. */
  undo: UndoView;
}) {
  const { entries, filters, ticket } = props;
  const t = useTranslations("Timeline");
  const filtered = filters.kind !== undefined || filters.environment !== undefined;
  const paged = filters.cursor.events !== undefined || filters.cursor.rows !== undefined;
  return (
    <section id="timeline" aria-labelledby="timeline-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="timeline-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <HistoryHead history={props.history} />
      <TimelineFilterLinks filters={filters} ticket={ticket} />
      {entries.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{filtered ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-100" aria-label={t("title")}>
          {entries.map((entry) =>
            entry.source === "adapty" ? (
              <EventEntry key={`e${entry.id}`} entry={entry} profileId={props.profileId} />
            ) : entry.source === "note" ? (
              <NoteEntry key={`a${entry.id}`} entry={entry} />
            ) : (
              <ConsoleEntry key={`a${entry.id}`} entry={entry} undo={props.undo} ticket={ticket} />
            ),
          )}
        </ol>
      )}
      <div className="mt-3 flex flex-wrap gap-4 text-sm">
        {paged ? (
          <Link className="text-sky-800 underline" scroll={false} href={timelineQuery(filters, {}, ticket)}>
            {t("showNewest")}
          </Link>
        ) : null}
        {props.older ? (
          <Link
            className="text-sky-800 underline"
            scroll={false}
            href={timelineQuery(filters, { cursor: props.older }, ticket)}
          >
            {t("showOlder")}
          </Link>
        ) : null}
      </div>
    </section>
  );
}
