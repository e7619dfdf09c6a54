import Link from "next/link";
import { useTranslations } from "next-intl";
import { TIMELINE_KINDS } from "@/lib/webhooks/event-types";
import { ENVIRONMENTS, timelineQuery, type TimelineFilters } from "@/lib/timeline/filters";

const chip =
  "inline-block rounded-full border px-2.5 py-0.5 text-xs focus-visible:outline-2 focus-visible:outline-sky-700";
const on = "border-slate-900 bg-slate-900 text-white";
const off = "border-slate-300 bg-white text-slate-700 hover:border-slate-500";

function Choice({ href, current, children }: { href: string; current: boolean; children: string }) {
  return (
    <Link
      href={href}
      scroll={false}
      aria-current={current ? "true" : undefined}
      className={`${chip} ${current ? on : off}`}
    >
      {children}
    </Link>
  );
}

/** Kind and environment, as links: the server filters (lib/timeline/filters.ts says why). */
export function TimelineFilterLinks({ filters, ticket }: { filters: TimelineFilters; ticket?: string }) {
  const t = useTranslations("Timeline");
  return (
    <nav aria-label={t("filters")} className="mt-3 space-y-2">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs font-medium text-slate-600">{t("kindFilter")}</span>
        <Choice href={timelineQuery(filters, { kind: null }, ticket)} current={filters.kind === undefined}>
          {t("allKinds")}
        </Choice>
        {TIMELINE_KINDS.map((kind) => (
          <Choice key={kind} href={timelineQuery(filters, { kind }, ticket)} current={filters.kind === kind}>
            {t(`kinds.${kind}`)}
          </Choice>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs font-medium text-slate-600">{t("environmentFilter")}</span>
        <Choice
          href={timelineQuery(filters, { environment: null }, ticket)}
          current={filters.environment === undefined}
        >
          {t("allEnvironments")}
        </Choice>
        {ENVIRONMENTS.map((environment) => (
          <Choice
            key={environment}
            href={timelineQuery(filters, { environment }, ticket)}
            current={filters.environment === environment}
          >
            {t(`environments.${environment}`)}
          </Choice>
        ))}
      </div>
    </nav>
  );
}
