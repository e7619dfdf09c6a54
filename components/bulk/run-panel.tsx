"use client";

import { useFormatter, useTranslations } from "next-intl";
import { progressOf } from "@/lib/bulk/progress";
import type { BatchDetail } from "@/lib/bulk/view";
import type { BatchActions } from "./batch-actions";
import { BatchControls } from "./batch-controls";
import { CountLine } from "./count-line";
import { useDurationWords } from "./duration-words";

/** A running or paused batch: how far it has gone, each outcome's count, its pace and time left, and its controls. */
export function RunPanel({ batch, actions }: { batch: BatchDetail; actions: BatchActions }) {
  const t = useTranslations("Bulk");
  const format = useFormatter();
  const duration = useDurationWords();
  const { done, of, percent } = progressOf(batch.counts);
  const paused = batch.status === "paused";
  return (
    <section aria-labelledby="batch-progress" className="space-y-3">
      <h2 id="batch-progress" tabIndex={-1} data-panel-heading className="text-base font-semibold outline-none">
        {t("progressTitle")}
      </h2>
      {/* Said once when it changes, not each second: the numbers below are read when the agent looks. */}
      <p role="status" className="text-sm font-medium">
        {paused ? t("pausedBy", { email: batch.statusChangedByEmail ?? "—" }) : t("running")}
      </p>
      <progress className="h-3 w-full" value={done} max={Math.max(of, 1)} aria-label={t("progressLabel")} />
      <p className="text-sm">
        {t("progressLine", { done, of, percent })} · <CountLine total={batch.totalRows} counts={batch.counts} />
      </p>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-500">{t("speed")}</dt>
        <dd>
          {batch.rowsPerSecond === null
            ? t("notYet")
            : format.number(batch.rowsPerSecond, { maximumFractionDigits: 1 })}
        </dd>
        <dt className="text-slate-500">{t("timeLeft")}</dt>
        <dd>{paused ? t("whilePaused") : batch.secondsLeft === null ? t("notYet") : duration(batch.secondsLeft)}</dd>
      </dl>
      {batch.mayControl ? <BatchControls batch={batch} actions={actions} /> : null}
    </section>
  );
}
