import { useFormatter, useTranslations } from "next-intl";
import { countParts } from "@/lib/bulk/progress";
import type { RowCounts } from "@/lib/bulk/view";

/** "412 rows: 380 succeeded, 2 failed, 30 invalid", in the agent's language (on the server or in the browser). */
export function CountLine({ total, counts }: { total: number; counts: RowCounts }) {
  const t = useTranslations("Bulk");
  const format = useFormatter();
  const parts = countParts(counts).map(({ part, count }) => t("count", { part, count }));
  return (
    <span data-testid="batch-counts">
      {parts.length === 0 ? t("rows", { count: total }) : t("rowsWith", { count: total, parts: format.list(parts) })}
    </span>
  );
}

/** A batch's status in words. */
export function StatusWord({ status }: { status: string }) {
  const t = useTranslations("Bulk");
  return <span className="whitespace-nowrap font-medium">{t("status", { status })}</span>;
}
