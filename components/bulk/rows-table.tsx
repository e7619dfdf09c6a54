"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { secondaryButtonClass } from "@/components/ui/styles";
import { ROW_FILTERS, rowsQuery } from "@/lib/bulk/row-filter";
import type { RowFilter, RowView } from "@/lib/bulk/view";
import { RowWords, rowCustomer } from "./row-words";

const th = "px-3 py-2 font-medium";
const td = "px-3 py-2 align-top";

export interface RowsPage {
  rows: RowView[];
  total: number;
  pageSize: number;
  filter: RowFilter;
  page: number;
}

/** Which rows, as links (the page reads them on the server), the one shown marked. */
function RowFilters({ batchId, filter }: { batchId: string; filter: RowFilter }) {
  const t = useTranslations("Bulk");
  return (
    <nav aria-label={t("rowFilters")}>
      <ul className="flex flex-wrap gap-1">
        {ROW_FILTERS.map((each) => (
          <li key={each}>
            <Link
              href={`/bulk/${batchId}${rowsQuery(each, 1)}`}
              aria-current={each === filter ? "page" : undefined}
              className="block rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100 aria-[current=page]:bg-slate-900 aria-[current=page]:text-white"
            >
              {t("filter", { filter: each })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A page of the batch's rows: its line in the file, whom and what it names, where it stands
 * (or how its send ended), what it has to say, and Adapty's error code and request id. The
 * table scrolls inside its own box on a narrow screen.
 */
export function RowsTable({ batchId, zone, rows }: { batchId: string; zone: string; rows: RowsPage }) {
  const t = useTranslations("Bulk");
  const pages = Math.max(1, Math.ceil(rows.total / rows.pageSize));
  const link = (page: number) => `/bulk/${batchId}${rowsQuery(rows.filter, page)}`;
  return (
    <section aria-labelledby="batch-rows" className="space-y-3">
      <h2 id="batch-rows" className="text-base font-semibold">
        {t("rowsTitle", { count: rows.total })}
      </h2>
      <RowFilters batchId={batchId} filter={rows.filter} />
      {rows.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noRows")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200" tabIndex={0} aria-labelledby="batch-rows">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="break-keep border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className={th}>{t("line")}</th>
                <th className={th}>{t("row")}</th>
                <th className={th}>{t("result")}</th>
                <th className={th}>{t("message")}</th>
                <th className={th}>{t("errorCode")}</th>
                <th className={th}>{t("requestId")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.rows.map((row) => (
                <tr key={row.line} data-line={row.line}>
                  <td className={`${td} tabular-nums`}>{row.line}</td>
                  <td className={td}>
                    <div className="font-mono text-xs [overflow-wrap:anywhere]">{rowCustomer(row)}</div>
                    <div className="text-xs text-slate-600">
                      {[row.cells.action, row.cells.access_level_id].filter(Boolean).join(" · ")}
                    </div>
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    {row.outcome ? t("outcome", { outcome: row.outcome }) : t("state", { state: row.state })}
                    {row.auditEventId ? (
                      <Link className="block text-xs underline" href={`/audit?before=${row.auditEventId + 1}`}>
                        {t("auditRow", { id: row.auditEventId })}
                      </Link>
                    ) : null}
                  </td>
                  <td className={td}>
                    <RowWords row={row} zone={zone} />
                  </td>
                  <td className={`${td} font-mono text-xs`}>{row.adaptyErrorCode ?? ""}</td>
                  <td className={`${td} font-mono text-xs [overflow-wrap:anywhere]`}>{row.adaptyRequestId ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t("rowPages")} className="flex flex-wrap items-center gap-2 text-sm">
          {rows.page > 1 ? (
            <Link href={link(rows.page - 1)} className={secondaryButtonClass} rel="prev">
              {t("previous")}
            </Link>
          ) : null}
          <span>{t("pageOf", { page: rows.page, pages })}</span>
          {rows.page < pages ? (
            <Link href={link(rows.page + 1)} className={secondaryButtonClass} rel="next">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
