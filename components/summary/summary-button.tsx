"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Modal } from "@/components/ui/modal";
import { secondaryButtonClass } from "@/components/ui/styles";
import { SummaryPanel, type ReplySummaryActionFn } from "./summary-panel";

/**
 * "Copy summary" on the profile: a dialog with the reply summary. The panel mounts only while
 * the dialog is open, so the summary is read fresh each time it is opened.
 */
export function ReplySummaryButton({ profileId, action }: { profileId: string; action: ReplySummaryActionFn }) {
  const t = useTranslations("ReplySummary");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={secondaryButtonClass} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t("open")}
      </button>
      <Modal open={open} title={t("title")} onClose={() => setOpen(false)}>
        <SummaryPanel profileId={profileId} action={action} onClose={() => setOpen(false)} />
      </Modal>
    </>
  );
}
