"use client";

import { useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import type { BatchDetail } from "@/lib/bulk/view";
import type { BatchActions } from "./batch-actions";
import { DraftPanel } from "./draft-panel";
import { FinishedPanel } from "./finished-panel";
import { RunPanel } from "./run-panel";
import { useBatchProgress } from "./use-batch-progress";

/** The part of a batch's page that moves: what its status allows, kept current while rows or the dry run move. */
export function BatchLive({
  initial,
  duplicates,
  actions,
  approvalRows,
}: {
  initial: BatchDetail;
  duplicates: number;
  actions: BatchActions;
  approvalRows: number;
}) {
  const t = useTranslations("Bulk");
  const { batch, unreadable } = useBatchProgress(initial);
  return (
    <div className="space-y-4">
      {unreadable ? <Notice tone="warning">{t("progressUnreadable")}</Notice> : null}
      {batch.status === "draft" ? (
        <DraftPanel batch={batch} duplicates={duplicates} actions={actions} approvalRows={approvalRows} />
      ) : batch.status === "running" || batch.status === "paused" ? (
        <RunPanel batch={batch} actions={actions} />
      ) : batch.status === "completed" || batch.status === "cancelled" ? (
        <FinishedPanel batch={batch} />
      ) : (
        <Notice tone={batch.status === "declined" ? "warning" : "info"}>
          {t("waitingOrDeclined", { status: batch.status, email: batch.statusChangedByEmail ?? "—" })}
        </Notice>
      )}
    </div>
  );
}
