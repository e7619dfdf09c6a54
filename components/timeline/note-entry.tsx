import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { TimelineNote } from "@/lib/timeline/entries";

/** A note staff added on the customer: who and when, then the note itself as plain text (its newlines kept). */
export function NoteEntry({ entry }: { entry: TimelineNote }) {
  const t = useTranslations("Notes");
  const author = entry.authorEmail ?? t("someone");
  const { note } = entry;
  return (
    <li className="py-2 text-sm" data-timeline-entry="note" data-audit-id={entry.id}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="min-w-0 break-words font-medium" data-sentence>
          {note ? t("timelineAdded", { author }) : t("timelineDeleted", { author })}
          {note?.ticket ? ` · ${t("forTicket", { ticket: note.ticket })}` : null}
        </span>
        <span className="text-xs text-slate-600">
          <LocalTime date={entry.at} relative />
        </span>
      </div>
      {note ? (
        <blockquote className="mt-1 border-l-2 border-amber-300 bg-amber-50 px-3 py-2 break-words whitespace-pre-wrap text-slate-800">
          {note.body}
          {note.edited ? <span className="ml-2 text-xs text-slate-500">{t("edited")}</span> : null}
        </blockquote>
      ) : null}
    </li>
  );
}
