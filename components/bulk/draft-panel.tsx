"use client";

import { useTranslations } from "next-intl";
import { FormError } from "@/components/ui/form-error";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { BatchDetail } from "@/lib/bulk/view";
import type { BatchActions } from "./batch-actions";
import { CountLine } from "./count-line";
import { StartBatch } from "./start-batch";
import { useBatchChanged } from "./use-batch-progress";

/** The dry run's progress and what it found: customers that do not exist, rows that would cut access short. */
function DryRunProgress({ dryRun }: { dryRun: NonNullable<BatchDetail["dryRun"]> }) {
  const t = useTranslations("Bulk");
  const running = dryRun.finishedAt === null;
  return (
    <div className="space-y-2">
      {running ? (
        <progress
          className="h-2 w-full"
          value={dryRun.checked}
          max={Math.max(dryRun.total, 1)}
          aria-label={t("dryRunProgress")}
        />
      ) : null}
      <p role="status" className="text-sm">
        {running
          ? t("dryRunChecking", { checked: dryRun.checked, total: dryRun.total })
          : t("dryRunDone", { total: dryRun.total, missing: dryRun.missing, losing: dryRun.losing })}
      </p>
    </div>
  );
}

/**
 * A draft: what the file holds (rows ready, invalid, repeated), the dry run that looks every
 * customer up without sending anything, and Start. The rows themselves are in the table below.
 */
export function DraftPanel({
  batch,
  duplicates,
  actions,
  approvalRows,
}: {
  batch: BatchDetail;
  /** Rows that repeat an earlier line's customer and level. */
  duplicates: number;
  actions: Pick<BatchActions, "check" | "start">;
  approvalRows: number;
}) {
  const t = useTranslations("Bulk");
  const changed = useBatchChanged(batch.id);
  const check = useChangeOutcome(actions.check, { namespace: "Bulk.errors", onSucceeded: changed });
  const checking = batch.dryRun !== null && batch.dryRun.finishedAt === null;
  return (
    <div className="space-y-5">
      <section aria-labelledby="batch-preview" className="space-y-1">
        <h2 id="batch-preview" tabIndex={-1} data-panel-heading className="text-base font-semibold outline-none">
          {t("previewTitle")}
        </h2>
        <p className="text-sm">
          <CountLine total={batch.totalRows} counts={batch.counts} />
        </p>
        {duplicates > 0 ? <p className="text-sm text-amber-800">{t("duplicates", { count: duplicates })}</p> : null}
      </section>
      <section aria-labelledby="batch-dry-run" className="space-y-2">
        <h2 id="batch-dry-run" className="text-base font-semibold">
          {t("dryRunTitle")}
        </h2>
        <p className="text-sm text-slate-600">{t("dryRunIntro")}</p>
        {batch.dryRun ? <DryRunProgress dryRun={batch.dryRun} /> : null}
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={check.pending || checking || batch.counts.ready === 0}
          onClick={() => void check.submit({ batchId: batch.id })}
        >
          {batch.dryRun ? t("dryRunAgain") : t("dryRun")}
        </button>
        <FormError error={check.error} />
      </section>
      <section aria-labelledby="batch-start" className="space-y-2">
        <h2 id="batch-start" className="text-base font-semibold">
          {t("startSection")}
        </h2>
        <StartBatch batch={batch} start={actions.start} approvalRows={approvalRows} />
      </section>
    </div>
  );
}
