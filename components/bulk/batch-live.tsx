"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
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
  const panel = useRef<HTMLDivElement>(null);
  const shownStatus = useRef(batch.status);
  // A new status replaces the panel, and with it the button that had the focus (Start, Cancel):
  // its heading takes the focus instead, so the keyboard and the screen reader stay in place.
  useEffect(() => {
    if (shownStatus.current === batch.status) return;
    shownStatus.current = batch.status;
    const focused = document.activeElement;
    if (focused && focused !== document.body && panel.current?.contains(focused)) return;
    panel.current?.querySelector<HTMLElement>("[data-panel-heading]")?.focus();
  }, [batch.status]);
  return (
    <div ref={panel} className="space-y-4">
      {unreadable ? <Notice tone="warning">{t("progressUnreadable")}</Notice> : null}
      {batch.status === "draft" ? (
        <DraftPanel batch={batch} duplicates={duplicates} actions={actions} approvalRows={approvalRows} />
      ) : batch.status === "running" || batch.status === "paused" ? (
        <RunPanel batch={batch} actions={actions} />
      ) : batch.status === "completed" || batch.status === "cancelled" ? (
        <FinishedPanel batch={batch} />
      ) : (
        <div tabIndex={-1} data-panel-heading className="outline-none">
          <Notice tone={batch.status === "declined" ? "warning" : "info"}>
            {t("waitingOrDeclined", { status: batch.status, email: batch.statusChangedByEmail ?? "—" })}
          </Notice>
        </div>
      )}
    </div>
  );
}
