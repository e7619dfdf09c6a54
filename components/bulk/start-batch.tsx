"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import { buttonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import { estimatedSeconds } from "@/lib/bulk/progress";
import type { BatchDetail } from "@/lib/bulk/view";
import type { BatchActions } from "./batch-actions";
import { ConfirmStep } from "./confirm-step";
import { useDurationWords } from "./duration-words";
import { useBatchChanged } from "./use-batch-progress";

/**
 * Start, after a review of what will be sent: how many rows, at what pace, about how long.
 * A batch larger than its starter may run alone goes to an admin instead (the same action;
 * its answer's status says which happened).
 */
export function StartBatch({
  batch,
  start,
  approvalRows,
}: {
  batch: BatchDetail;
  start: BatchActions["start"];
  /** The most rows an agent's batch may have without an admin's approval (Settings). */
  approvalRows: number;
}) {
  const t = useTranslations("Bulk");
  const duration = useDurationWords();
  const changed = useBatchChanged(batch.id);
  const [open, setOpen] = useState(false);
  const send = useChangeOutcome(start, {
    namespace: "Bulk.errors",
    onSucceeded: () => {
      setOpen(false);
      changed();
    },
  });
  const rows = batch.counts.ready;
  const seconds = estimatedSeconds(rows, batch.ratePerSecond);
  const pace =
    batch.ratePerSecond === null
      ? t("paceUnlimited", { concurrency: batch.concurrency })
      : t("paceLimited", { rate: batch.ratePerSecond, concurrency: batch.concurrency });
  const asking = batch.needsApproval;
  const label = asking ? t("askApproval") : t("start");
  const done = send.succeeded?.value.status;

  return (
    <div className="space-y-3">
      {asking ? <p className="text-sm text-slate-700">{t("needsApproval", { rows: approvalRows })}</p> : null}
      <button
        type="button"
        className={buttonClass}
        disabled={rows === 0}
        onClick={() => {
          send.reset();
          setOpen(true);
        }}
      >
        {asking ? t("reviewApproval") : t("reviewStart")}
      </button>
      {rows === 0 ? <p className="text-sm text-slate-600">{t("nothingToSend")}</p> : null}
      <div aria-live="polite">{done ? <Notice tone="success">{t("startAnswer", { status: done })}</Notice> : null}</div>
      <ConfirmStep
        open={open}
        title={t("startTitle", { fileName: batch.fileName })}
        heading={t("startHeading", { count: rows })}
        confirm={label}
        pending={send.pending}
        error={send.error}
        onConfirm={() => void send.submit({ batchId: batch.id, version: batch.version })}
        onClose={() => setOpen(false)}
      >
        <ul className="list-disc space-y-1 pl-5">
          <li>{pace}</li>
          <li>{seconds === null ? t("etaUnknown") : t("eta", { time: duration(seconds) })}</li>
          <li>{t("confirmZone", { zone: batch.zone })}</li>
          <li className="[overflow-wrap:anywhere]">{t("confirmReason", { reason: batch.reason })}</li>
          {batch.ticket ? <li>{t("confirmTicket", { ticket: batch.ticket })}</li> : null}
        </ul>
        {asking ? <Notice tone="info">{t("needsApproval", { rows: approvalRows })}</Notice> : null}
      </ConfirmStep>
    </div>
  );
}
