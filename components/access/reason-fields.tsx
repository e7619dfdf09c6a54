"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form";
import { inputClass } from "@/components/ui/styles";

/**
 * Reason (required, kept in the audit log) and ticket (optional, prefilled from ?ticket=),
 * for every change that asks why: grant and revoke, and a profile's edit and delete, whose
 * two forms share a page and so take `idPrefix` to keep their ids apart.
 */
export function ReasonFields({ idPrefix = "change" }: { idPrefix?: string }) {
  const t = useTranslations("Access");
  return (
    <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
      <FormField name="reason" id={`${idPrefix}-reason`} label={t("reason")} hint={t("reasonHint")}>
        {(control) => <textarea {...control} maxLength={500} rows={2} className={inputClass} />}
      </FormField>
      <FormField name="ticket" id={`${idPrefix}-ticket`} label={t("ticket")} hint={t("ticketHint")}>
        {(control) => <input {...control} maxLength={64} className={inputClass} />}
      </FormField>
    </div>
  );
}
