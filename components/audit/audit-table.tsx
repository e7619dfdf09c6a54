import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEntry } from "@/lib/audit/entry";
import { UndoControl } from "@/components/undo/undo-control";
import { undoStateFor, type UndoView } from "@/lib/undo/view";
import { AuditEntryDetails } from "./audit-row-details";
import { BatchLinks } from "./batch-links";
import { AuditTarget } from "./audit-target";
import { OutcomeBadge } from "./outcome-badge";

/** A cell; on a narrow screen the table becomes one card per row, each value under its label. */
function Cell({ label, column, children }: { label: string; column: string; children: ReactNode }) {
  return (
    <td data-column={column} className="flex gap-3 px-4 py-1 md:table-cell md:py-2">
      <span className="w-20 shrink-0 text-xs font-medium text-slate-500 md:hidden">{label}</span>
      <div className="min-w-0 [overflow-wrap:anywhere]">{children}</div>
    </td>
  );
}

/** Audit rows, newest first; each opens to its full record. Every value is rendered as text. */
export function AuditTable({ rows, undo }: { rows: AuditEntry[]; undo: UndoView }) {
  const t = useTranslations("Audit");
  return (
    <table className="block w-full text-left text-sm md:table md:table-fixed">
      <thead className="hidden break-keep border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 md:table-header-group">
        <tr>
          <th className="w-40 px-4 py-2 font-medium lg:w-44">{t("time")}</th>
          <th className="w-48 px-4 py-2 font-medium lg:w-56">{t("who")}</th>
          <th className="w-36 px-4 py-2 font-medium lg:w-40">{t("what")}</th>
          <th className="px-4 py-2 font-medium">{t("target")}</th>
          <th className="px-4 py-2 font-medium">{t("why")}</th>
          <th className="w-28 px-4 py-2 font-medium">{t("result")}</th>
        </tr>
      </thead>
      {rows.map((row) => (
        <tbody
          key={row.id}
          className="block border-b border-slate-100 py-2 md:table-row-group md:py-0"
          data-audit-id={row.id}
          data-action={row.action}
        >
          <tr className="block align-top md:table-row">
            <Cell label={t("time")} column="time">
              <LocalTime date={row.occurredAt} />
            </Cell>
            <Cell label={t("who")} column="who">
              {row.actorEmail ?? <span className="text-slate-400">{t("nobody")}</span>}
              {row.actorRole ? (
                <span className="ml-1 whitespace-nowrap text-xs text-slate-500">
                  {t("actorRole", { role: row.actorRole })}
                </span>
              ) : null}
              {row.approvedByEmail ? (
                <span className="block text-xs text-slate-600">{t("approvedBy", { email: row.approvedByEmail })}</span>
              ) : null}
            </Cell>
            <Cell label={t("what")} column="what">
              {t("actionName", { action: row.action.replaceAll(".", "_") })}
              <BatchLinks row={row} />
              <div>
                <UndoControl
                  eventId={row.id}
                  state={undoStateFor(undo, row.id, row.undoesEventId)}
                  actions={undo.actions}
                />
              </div>
            </Cell>
            <Cell label={t("target")} column="target">
              <AuditTarget row={row} />
            </Cell>
            <Cell label={t("why")} column="why">
              {row.reason ?? ""}
              {row.ticket ? <div className="text-xs text-slate-500">{t("ticket", { ticket: row.ticket })}</div> : null}
            </Cell>
            <Cell label={t("result")} column="result">
              <OutcomeBadge outcome={row.outcome} />
            </Cell>
          </tr>
          <tr className="block md:table-row">
            <td colSpan={6} className="block px-4 pb-2 md:table-cell">
              <details>
                <summary className="cursor-pointer text-xs text-slate-500 hover:text-slate-900">{t("details")}</summary>
                <div className="pt-2">
                  <AuditEntryDetails row={row} />
                </div>
              </details>
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}
