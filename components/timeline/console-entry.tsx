import { useFormatter, useTranslations } from "next-intl";
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { LocalTime } from "@/components/ui/local-time";
import { UndoControl } from "@/components/undo/undo-control";
import { undoStateFor, type UndoView } from "@/lib/undo/view";
import { describeConsoleRow, type ConsoleChange } from "@/lib/timeline/describe-console-row";
import type { TimelineConsoleRow } from "@/lib/timeline/entries";

const DAY = { year: "numeric", month: "short", day: "numeric" } as const;

function useSentence(row: TimelineConsoleRow, change: ConsoleChange): string {
  const t = useTranslations("Timeline.console");
  const audit = useTranslations("Audit");
  const format = useFormatter();
  const actor = row.actorEmail ?? t("someone");
  const day = (date: Date) => format.dateTime(date, DAY);
  if (change.kind === "other") return t("other", { action: audit("actionName", { action: change.action }), actor });
  const head = t(change.kind, { actor });
  const ticket = row.ticket ? ` ${t("forTicket", { ticket: row.ticket })}` : "";
  const level = change.level;
  const what =
    change.kind === "granted"
      ? change.until
        ? t("grantedUntil", { level, date: day(change.until) })
        : t("grantedLifetime", { level })
      : change.at
        ? t("revokedAt", { level, date: day(change.at) })
        : t("revokedNow", { level });
  return `${head}${ticket} — ${what}`;
}

/** One of the console's own rows: the sentence, its outcome, and, opened, reason, ticket and Adapty's answer. */
export function ConsoleEntry({ entry, undo, ticket }: { entry: TimelineConsoleRow; undo: UndoView; ticket?: string }) {
  const t = useTranslations("Timeline.console");
  const audit = useTranslations("Audit");
  const sentence = useSentence(entry, describeConsoleRow(entry));
  const adapty =
    entry.adaptyStatus !== null || entry.adaptyRequestId !== null
      ? audit("detailAdaptyValue", {
          status: entry.adaptyStatus ?? audit("none"),
          code: entry.adaptyErrorCode ?? audit("none"),
          requestId: entry.adaptyRequestId ?? audit("none"),
        })
      : null;
  const facts: [string, string][] = [
    [audit("actor"), entry.actorEmail ?? audit("nobody")],
    [audit("why"), entry.reason ?? audit("none")],
    [t("ticket"), entry.ticket ?? audit("none")],
    [audit("result"), audit("outcomeName", { outcome: entry.outcome })],
    ...(adapty ? ([[audit("detailAdapty"), adapty]] as [string, string][]) : []),
  ];
  return (
    <li className="py-2 text-sm" data-timeline-entry="console" data-audit-id={entry.id}>
      <details>
        <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 rounded focus-visible:outline-2 focus-visible:outline-sky-700">
          <span className="min-w-0 break-words font-medium" data-sentence>
            {sentence}
          </span>
          <OutcomeBadge outcome={entry.outcome} />
          <span className="text-xs text-slate-600">
            <LocalTime date={entry.at} relative />
          </span>
        </summary>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded bg-slate-50 p-3 text-xs">
          {facts.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-slate-600">{term}</dt>
              <dd className="min-w-0 break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </details>
      <UndoControl
        eventId={entry.id}
        state={undoStateFor(undo, entry.id, entry.undoesEventId)}
        actions={undo.actions}
        ticket={ticket}
      />
    </li>
  );
}
