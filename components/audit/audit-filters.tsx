import { useTranslations } from "next-intl";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit/actions";
import type { AuditFilters as Filters } from "@/lib/audit/filters";

/** A plain GET form: filters live in the URL, so a filtered view can be shared and exported. */
export function AuditFilters({ filters, actors, timeZone }: { filters: Filters; actors: string[]; timeZone: string }) {
  const t = useTranslations("Audit");
  return (
    <form
      method="get"
      action="/audit"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6"
      aria-label={t("filters")}
    >
      {/* Narrowed to one bulk batch (its page's "See in the audit log"): kept while other filters change. */}
      {filters.batch ? <input type="hidden" name="batch" value={filters.batch} /> : null}
      <label className="text-xs font-medium text-slate-600">
        {t("actor")}
        <select name="actor" defaultValue={filters.actor ?? ""} className={`${inputClass} mt-1`}>
          <option value="">{t("anyActor")}</option>
          {actors.map((email) => (
            <option key={email} value={email}>
              {email}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("action")}
        <select name="action" defaultValue={filters.action ?? ""} className={`${inputClass} mt-1`}>
          <option value="">{t("anyAction")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t("actionName", { action: action.replaceAll(".", "_") })}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("user")}
        <input
          name="user"
          defaultValue={filters.user ?? ""}
          maxLength={500}
          placeholder={t("userPlaceholder")}
          className={`${inputClass} mt-1`}
        />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("outcome")}
        <select name="outcome" defaultValue={filters.outcome ?? ""} className={`${inputClass} mt-1`}>
          <option value="">{t("anyOutcome")}</option>
          {AUDIT_OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t("outcomeName", { outcome })}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("from")}
        <input type="datetime-local" name="from" defaultValue={filters.from ?? ""} className={`${inputClass} mt-1`} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        {t("to")}
        <input type="datetime-local" name="to" defaultValue={filters.to ?? ""} className={`${inputClass} mt-1`} />
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-3 lg:col-span-6">
        <input type="checkbox" name="changes" value="only" defaultChecked={filters.changes === "only"} />
        {t("changesOnly")}
        <span className="text-xs text-slate-500">{t("changesOnlyHint")}</span>
      </label>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-3 lg:col-span-6">
        <button type="submit" className={buttonClass}>
          {t("apply")}
        </button>
        <a href="/audit" className={secondaryButtonClass}>
          {t("clear")}
        </a>
        <span className="text-xs text-slate-500">{t("timesIn", { zone: timeZone })}</span>
      </div>
    </form>
  );
}
