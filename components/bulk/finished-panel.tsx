import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { BatchDetail } from "@/lib/bulk/view";
import { CountLine } from "./count-line";

/** A batch that has ended (every row sent, or cancelled): its final counts, the result file and its audit rows. */
export function FinishedPanel({ batch }: { batch: BatchDetail }) {
  const t = useTranslations("Bulk");
  return (
    <section aria-labelledby="batch-result" className="space-y-3">
      <h2 id="batch-result" tabIndex={-1} data-panel-heading className="text-base font-semibold outline-none">
        {t("resultTitle")}
      </h2>
      <p role="status" className="text-sm font-medium">
        {t("finished", { status: batch.status, email: batch.statusChangedByEmail ?? "—" })}
        {batch.finishedAt ? (
          <>
            {" "}
            <LocalTime date={new Date(batch.finishedAt)} />
          </>
        ) : null}
      </p>
      <p className="text-sm">
        <CountLine total={batch.totalRows} counts={batch.counts} />
      </p>
      <div className="flex flex-wrap gap-2">
        <a href={`/bulk/${batch.id}/result.csv`} download className={secondaryButtonClass}>
          {t("resultFile")}
        </a>
        <a href={`/audit?batch=${batch.id}`} className={secondaryButtonClass}>
          {t("inAuditLog")}
        </a>
      </div>
    </section>
  );
}
