import type { Metadata } from "next";
import { getTimeZone, getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ExportLink } from "@/components/audit/export-link";
import { PageHeader } from "@/components/shell/page-header";
import { secondaryButtonClass } from "@/components/ui/styles";
import { Notice } from "@/components/ui/notice";
import { parseAuditFilters } from "@/lib/audit/filters";
import { auditActors, listAudit } from "@/server/audit/query";
import { requireStaffPage } from "@/server/auth/require-staff";
import { undoActionsFor } from "@/server/undo/undo-actions";
import { undoStateOf } from "@/server/undo/undoable-row";
import { getDb } from "@/server/db";
import { ClientMessages } from "@/components/shell/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Audit");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toSearchParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) search.set(key, first);
  }
  return search;
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const staff = await requireStaffPage("audit.read");
  const t = await getTranslations("Audit");
  const timeZone = await getTimeZone();
  const search = toSearchParams(await searchParams);
  const { filters, invalid } = parseAuditFilters(search);
  const db = await getDb();
  const [{ rows, nextBefore }, actors] = await Promise.all([listAudit(db, filters, timeZone), auditActors(db)]);
  const undo = { ...(await undoStateOf(db, rows)), actions: undoActionsFor(staff.role) };

  const withFilters = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    return next.toString();
  };

  return (
    <ClientMessages part="audit">
      <div className="space-y-4">
        <div className="flex items-start justify-between gap-4">
          <PageHeader title={t("title")} intro={t("intro")} />
          <ExportLink href={`/audit/export?${withFilters({ before: undefined })}`} />
        </div>
        <AuditFilters filters={filters} actors={actors} timeZone={timeZone} />
        {filters.batch ? (
          <Notice tone="info">
            {t("batchOnly")}{" "}
            <a className="underline" href={`/bulk/${filters.batch}`}>
              {t("batchOpen")}
            </a>
            {" · "}
            <a className="underline" href={`/audit?${withFilters({ batch: undefined, before: undefined })}`}>
              {t("batchClear")}
            </a>
          </Notice>
        ) : null}
        {invalid.length > 0 ? <Notice tone="error">{t("invalidFilters", { names: invalid.join(", ") })}</Notice> : null}
        <section className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          {rows.length === 0 ? (
            <p className="p-6 text-sm text-slate-600">{t("empty")}</p>
          ) : (
            <AuditTable rows={rows} undo={undo} />
          )}
        </section>
        <nav className="flex gap-2" aria-label={t("title")}>
          {filters.before ? (
            <a href={`/audit?${withFilters({ before: undefined })}`} className={secondaryButtonClass}>
              {t("newest")}
            </a>
          ) : null}
          {nextBefore ? (
            <a
              href={`/audit?${withFilters({ before: String(nextBefore) })}`}
              className={secondaryButtonClass}
              rel="next"
            >
              {t("older")}
            </a>
          ) : null}
        </nav>
      </div>
    </ClientMessages>
  );
}
