import { useTranslations } from "next-intl";
import type { AuditEntry } from "@/lib/audit/entry";

const Json = ({ value }: { value: unknown }) => (
  <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs text-slate-800">
    {value === null || value === undefined ? "—" : JSON.stringify(value, null, 2)}
  </pre>
);

/** Everything recorded about one row: what was sent, before and after, what Adapty answered, from where. */
export function AuditEntryDetails({ row }: { row: AuditEntry }) {
  const t = useTranslations("Audit");
  return (
    <dl className="grid gap-3 text-xs sm:grid-cols-3">
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
      <div className="sm:col-span-3 flex flex-wrap gap-x-6 gap-y-1 text-slate-700">
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
        <span>
          {t("detailFrom")}: {row.clientAddress ?? "—"} · {row.userAgent || "—"}
        </span>
        {row.durationMs !== null ? <span>{t("detailDuration", { ms: row.durationMs })}</span> : null}
        {row.detail ? (
          <span>
            {t("detailNote")}: {row.detail}
          </span>
        ) : null}
      </div>
    </dl>
  );
}
