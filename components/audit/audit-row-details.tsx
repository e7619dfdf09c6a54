import { useTranslations } from "next-intl";
import type { AuditEntry } from "@/lib/audit/entry";
import { differenceOf } from "@/lib/audit/difference";
import { BeforeAfter } from "./before-after";

const Json = ({ value }: { value: unknown }) => (
  <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">
    {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
  </pre>
);

/** Everything recorded about one row: before → after in words, what Adapty answered, from where, and the raw JSON. */
export function AuditEntryDetails({ row }: { row: AuditEntry }) {
  const t = useTranslations("Audit");
  const difference = differenceOf(row.action, row.accessBefore, row.accessAfter);
  return (
    <div className="space-y-3 text-xs">
      {difference ? <BeforeAfter difference={difference} /> : null}
      <div className="flex flex-wrap gap-x-6 gap-y-1 text-slate-700">
        {row.adaptyStatus !== null || row.adaptyRequestId !== null ? (
          <span>
            {t("detailAdapty")}:{" "}
            {t("detailAdaptyValue", {
              status: row.adaptyStatus ?? "—",
              code: row.adaptyErrorCode ?? "—",
              requestId: row.adaptyRequestId ?? "—",
            })}
          </span>
        ) : null}
        <span className="[overflow-wrap:anywhere]">
          {t("detailFrom")}: {row.clientAddress ?? "—"} · {row.userAgent || "—"}
        </span>
        {row.durationMs !== null ? <span>{t("detailDuration", { ms: row.durationMs })}</span> : null}
        {row.detail ? (
          <span className="[overflow-wrap:anywhere]">
            {t("detailNote")}: {row.detail}
          </span>
        ) : null}
      </div>
      <details>
        <summary className="cursor-pointer text-slate-500 hover:text-slate-900">{t("rawJson")}</summary>
        <dl className="grid gap-3 pt-2 sm:grid-cols-3">
          <div>
            <dt className="font-medium text-slate-500">{t("detailParams")}</dt>
            <dd>
              <Json value={row.params} />
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-500">{t("detailBefore")}</dt>
            <dd>
              <Json value={row.accessBefore} />
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-500">{t("detailAfter")}</dt>
            <dd>
              <Json value={row.accessAfter} />
            </dd>
          </div>
        </dl>
      </details>
    </div>
  );
}
