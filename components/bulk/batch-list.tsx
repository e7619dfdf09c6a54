import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { BatchSummary } from "@/lib/bulk/view";
import { CountLine, StatusWord } from "./count-line";

/** The newest batches, each linking to its page: its file, who started it and when, its status and counts. */
export function BatchList({ batches }: { batches: BatchSummary[] }) {
  const t = useTranslations("Bulk");
  if (batches.length === 0) return <p className="px-5 pb-5 text-sm text-slate-600">{t("noBatches")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {batches.map((batch) => (
        <li key={batch.id} data-batch-id={batch.id} className="grid gap-1 px-5 py-3 text-sm md:grid-cols-[2fr_2fr_1fr]">
          <div className="min-w-0">
            <Link href={`/bulk/${batch.id}`} className="font-medium underline [overflow-wrap:anywhere]">
              {batch.fileName}
            </Link>
            <div className="text-xs text-slate-600 [overflow-wrap:anywhere]">
              {t("uploadedBy", { email: batch.createdByEmail })} <LocalTime date={new Date(batch.createdAt)} />
            </div>
          </div>
          <CountLine total={batch.totalRows} counts={batch.counts} />
          <StatusWord status={batch.status} />
        </li>
      ))}
    </ul>
  );
}
