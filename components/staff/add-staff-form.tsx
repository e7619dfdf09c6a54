"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Form, FormField } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { ChangeActionFn } from "@/lib/change/action";
import type { StaffMemberSummary } from "@/lib/staff/member";
import { ROLES } from "@/lib/staff/roles";
import { addStaffSchema, type AddStaffInput } from "@/lib/staff/schema";

/** Admins add a staff member: an email, a role, and an initial password unless they sign in through SSO only. */
export function AddStaffForm({ action }: { action: ChangeActionFn<AddStaffInput, StaffMemberSummary | null> }) {
  const t = useTranslations("Staff");
  const form = useForm({
    resolver: zodResolver(addStaffSchema),
    defaultValues: { email: "", role: "viewer", password: "" } satisfies AddStaffInput,
  });
  const change = useChangeOutcome(action, { form, namespace: "Validation", onSucceeded: () => form.reset() });
  const added = change.succeeded?.value;

  return (
    <Form
      form={form}
      namespace="Validation"
      onSubmit={(values) => change.submit(values)}
      className="grid gap-4 sm:grid-cols-[2fr_1fr_2fr_auto] sm:items-start"
    >
      <FormField name="email" id="staff-email" label={t("email")}>
        {(control) => <input {...control} type="email" autoComplete="off" className={inputClass} />}
      </FormField>
      <FormField name="role" id="staff-role" label={t("role")}>
        {(control) => (
          <select {...control} className={inputClass}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t("roleName", { role })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField name="password" id="staff-password" label={t("password")} hint={t("passwordHint")}>
        {(control) => <input {...control} type="password" autoComplete="new-password" className={inputClass} />}
      </FormField>
      <button type="submit" disabled={change.pending} className={`${buttonClass} sm:mt-6`}>
        {change.pending ? t("adding") : t("add")}
      </button>
      <div className="sm:col-span-4" aria-live="polite">
        <FormError error={change.error} />
        {added ? <Notice tone="success">{t("added", { email: added.email })}</Notice> : null}
      </div>
    </Form>
  );
}
