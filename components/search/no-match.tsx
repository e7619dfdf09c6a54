import { useFormatter, useTranslations } from "next-intl";
import { PageHeader } from "@/components/shell/page-header";

/** Nothing found: what was searched, what the index holds, and what to try instead. */
export function NoMatch({ query, indexSince }: { query: string; indexSince: Date | null }) {
  const t = useTranslations("Search");
  const format = useFormatter();
  return (
    <div className="space-y-3" data-search="none">
      <PageHeader title={t("noneTitle", { query })} intro={t("noneSearched")} />
      <p className="text-sm text-slate-700">
        {indexSince
          ? t("noneCovers", { date: format.dateTime(indexSince, { year: "numeric", month: "short", day: "numeric" }) })
          : t("noneCoversNoWebhook")}
      </p>
      <p className="text-sm text-slate-600">{t("noneHint")}</p>
    </div>
  );
}
