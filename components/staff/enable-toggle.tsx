"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import { ConfirmDialog } from "./confirm-dialog";
import type { StaffChange } from "./staff-change";

/** Disabling asks first (it signs the member out everywhere); enabling does not. Both say what happened. */
export function EnableToggle({
  staffId,
  email,
  enabled,
  action,
}: {
  staffId: string;
  email: string;
  enabled: boolean;
  action: StaffChange<{ enabled: boolean }>;
}) {
  const t = useTranslations("Staff");
  const change = useChangeOutcome(action, { namespace: "Validation" });
  const [confirming, setConfirming] = useState(false);
  const member = change.succeeded?.value;

  async function submit(next: boolean) {
    await change.submit({ staffId, enabled: next });
    setConfirming(false);
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={change.pending}
        onClick={() => {
          change.reset();
          if (enabled) setConfirming(true);
          else void submit(true);
        }}
      >
        {enabled ? t("disable") : t("enable")}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t("confirmDisableTitle")}
        confirm={t("disable")}
        pending={change.pending}
        onConfirm={() => void submit(false)}
        onClose={() => setConfirming(false)}
      >
        <p>{t("confirmDisable", { email })}</p>
      </ConfirmDialog>
      <div aria-live="polite">
        <FormError error={change.error} />
        {member ? <Notice tone="success">{t(member.enabled ? "nowEnabled" : "nowDisabled", { email })}</Notice> : null}
      </div>
    </div>
  );
}
