"use client";

import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";

/** Reason (required, kept in the audit log) and ticket (optional, prefilled from ?ticket=). */
export function ReasonFields({
  reason,
  ticket,
  onReason,
  onTicket,
  errors,
}: {
  reason: string;
  ticket: string;
  onReason: (value: string) => void;
  onTicket: (value: string) => void;
  errors: { reason?: string; ticket?: string };
}) {
  const t = useTranslations("Access");
  return (
    <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
      <Field id="change-reason" label={t("reason")} hint={t("reasonHint")} error={errors.reason}>
        <textarea
          id="change-reason"
          value={reason}
          maxLength={500}
          rows={2}
          onChange={(event) => onReason(event.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          className={inputClass}
        />
      </Field>
      <Field id="change-ticket" label={t("ticket")} hint={t("ticketHint")} error={errors.ticket}>
        <input
          id="change-ticket"
          value={ticket}
          maxLength={64}
          onChange={(event) => onTicket(event.target.value)}
          className={inputClass}
        />
      </Field>
    </div>
  );
}
