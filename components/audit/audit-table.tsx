import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { AuditEntry } from "@/lib/audit/entry";
import { AuditEntryDetails } from "./audit-row-details";
import { OutcomeBadge } from "./outcome-badge";

/** Audit rows, newest first; each opens to its full record. Every value is rendered as text. */
export function AuditTable({ rows }: { rows: AuditEntry[] }) {
  const t = useTranslations("Audit");
  return (
    <table className="w-full table-fixed text-left text-sm">
      <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
        <tr>
          <th className="w-44 px-4 py-2 font-medium">{t("time")}</th>
          <th className="w-52 px-4 py-2 font-medium">{t("who")}</th>
          <th className="w-44 px-4 py-2 font-medium">{t("what")}</th>
          <th className="px-4 py-2 font-medium">{t("target")}</th>
          <th className="px-4 py-2 font-medium">{t("why")}</th>
          <th className="w-28 px-4 py-2 font-medium">{t("result")}</th>
        </tr>
      </thead>
      {rows.map((row) => (
        <tbody key={row.id} className="border-b border-slate-100" data-audit-id={row.id} data-action={row.action}>
          <tr className="align-top">
            <td className="px-4 py-2 whitespace-nowrap">
              <LocalTime date={row.occurredAt} />
            </td>
            <td className="truncate px-4 py-2" title={row.actorEmail ?? undefined}>
              {row.actorEmail ?? <span className="text-slate-400">{t("nobody")}</span>}
              {row.actorRole ? <span className="ml-1 text-xs text-slate-500">({row.actorRole})</span> : null}
            </td>
            <td className="px-4 py-2">{t("actionName", { action: row.action.replaceAll(".", "_") })}</td>
            <td className="break-all px-4 py-2 font-mono text-xs">
              {row.targetCustomerUserId ?? row.targetProfileId ?? (
                <span className="font-sans text-slate-400">{t("none")}</span>
              )}
            </td>
            <td className="break-words px-4 py-2">
              {row.reason ?? ""}
              {row.ticket ? <div className="text-xs text-slate-500">{t("ticket", { ticket: row.ticket })}</div> : null}
            </td>
            <td className="px-4 py-2">
              <OutcomeBadge outcome={row.outcome} />
            </td>
          </tr>
          <tr>
            <td colSpan={6} className="px-4 pb-2">
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
