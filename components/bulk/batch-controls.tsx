"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/ui/form-error";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { BatchDetail } from "@/lib/bulk/view";
import type { BatchActions } from "./batch-actions";
import { ConfirmStep } from "./confirm-step";
import { useBatchChanged } from "./use-batch-progress";

/**
 * Pause or resume at once (both can be undone by the other); cancel asks first, since rows
 * not yet sent are then never sent. Each is made from the status version shown, so one that
 * crossed another tab's change is refused and the page shows the batch as it is.
 */
export function BatchControls({
  batch,
  actions,
}: {
  batch: BatchDetail;
  actions: Pick<BatchActions, "pause" | "resume" | "cancel">;
}) {
  const t = useTranslations("Bulk");
  const changed = useBatchChanged(batch.id);
  const [confirming, setConfirming] = useState(false);
  const options = { namespace: "Bulk.errors", onSucceeded: changed };
  const pause = useChangeOutcome(actions.pause, options);
  const resume = useChangeOutcome(actions.resume, options);
  const cancel = useChangeOutcome(actions.cancel, {
    ...options,
    onSucceeded: () => {
      setConfirming(false);
      changed();
    },
  });
  const ref = { batchId: batch.id, version: batch.version };
  const toggle = batch.status === "paused" ? resume : pause;
  const pending = pause.pending || resume.pending || cancel.pending;
  const remaining = batch.counts.ready + batch.counts.sending;

  async function submit(change: typeof toggle) {
    const view = await change.submit(ref);
    if (view && !view.succeeded) changed(); // changed in another tab meanwhile: show it as it is now
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => void submit(toggle)}>
          {batch.status === "paused" ? t("resume") : t("pause")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={pending}
          onClick={() => {
            cancel.reset();
            setConfirming(true);
          }}
        >
          {t("cancel")}
        </button>
      </div>
      <FormError error={toggle.error} />
      <ConfirmStep
        open={confirming}
        title={t("cancelTitle", { fileName: batch.fileName })}
        heading={t("cancelHeading", { count: remaining })}
        confirm={t("cancelConfirm")}
        pending={cancel.pending}
        error={cancel.error}
        onConfirm={() => void submit(cancel)}
        onClose={() => setConfirming(false)}
      >
        <p>{t("cancelExplained")}</p>
      </ConfirmStep>
    </div>
  );
}
