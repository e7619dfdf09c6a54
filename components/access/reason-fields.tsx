"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form";
import { inputClass } from "@/components/ui/styles";

/** Reason (required, kept in the audit log) and ticket (optional, prefilled from ?ticket=). */
export function ReasonFields() {
  const t = useTranslations("Access");
  return (
    <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
      <FormField name="reason" id="change-reason" label={t("reason")} hint={t("reasonHint")}>
        {(control) => <textarea {...control} maxLength={500} rows={2} className={inputClass} />}
      </FormField>
      <FormField name="ticket" id="change-ticket" label={t("ticket")} hint={t("ticketHint")}>
        {(control) => <input {...control} maxLength={64} className={inputClass} />}
      </FormField>
    </div>
  );
}
