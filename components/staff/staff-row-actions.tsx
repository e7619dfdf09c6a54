"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { Form, FormField } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { compactInputClass, secondaryButtonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { ChangeActionFn } from "@/lib/change/action";
import type { StaffMemberSummary } from "@/lib/staff/member";
import { ROLES, type Role } from "@/lib/staff/roles";
import { changeRoleSchema, resetPasswordSchema } from "@/lib/staff/schema";

type StaffChange<I> = ChangeActionFn<I & { staffId: string }, StaffMemberSummary | null>;

/** The staff page's row actions, passed down from the page. */
interface StaffRowActionFns {
  changeRole: StaffChange<{ role: Role }>;
  setEnabled: StaffChange<{ enabled: boolean }>;
  resetPassword: StaffChange<{ password: string }>;
}

interface Props {
  staffId: string;
  email: string;
  role: Role;
  enabled: boolean;
  actions: StaffRowActionFns;
}

const roleForm = changeRoleSchema.pick({ role: true });
const passwordForm = resetPasswordSchema.pick({ password: true });

/** Role, enable/disable and password reset for one staff member (not shown on your own row). */
export function StaffRowActions({ staffId, email, role, enabled, actions }: Props) {
  const t = useTranslations("Staff");
  const roles = useForm({ resolver: zodResolver(roleForm), defaultValues: { role } });
  const passwords = useForm({ resolver: zodResolver(passwordForm), defaultValues: { password: "" } });
  const options = { namespace: "Validation" };
  const changeRole = useChangeOutcome(actions.changeRole, { ...options, form: roles });
  const setEnabled = useChangeOutcome(actions.setEnabled, options);
  const resetPassword = useChangeOutcome(actions.resetPassword, {
    ...options,
    form: passwords,
    onSucceeded: () => passwords.reset(),
  });
  const chosenRole = useWatch({ control: roles.control, name: "role" });
  const password = useWatch({ control: passwords.control, name: "password" });
  const error = changeRole.error ?? setEnabled.error ?? resetPassword.error;

  return (
    <div className="space-y-2">
      <Form
        form={roles}
        namespace="Validation"
        onSubmit={(values) => changeRole.submit({ staffId, ...values })}
        className="flex flex-wrap items-center gap-2"
      >
        <FormField name="role" id={`role-${staffId}`} label={t("role")} srOnlyLabel>
          {(control) => (
            <select {...control} className={`${compactInputClass} w-28`}>
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {t("roleName", { role: option })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className={secondaryButtonClass} disabled={chosenRole === role || changeRole.pending}>
          {t("saveRole")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={setEnabled.pending}
          onClick={() => void setEnabled.submit({ staffId, enabled: !enabled })}
        >
          {enabled ? t("disable") : t("enable")}
        </button>
      </Form>
      <Form
        form={passwords}
        namespace="Validation"
        onSubmit={(values) => resetPassword.submit({ staffId, ...values })}
        className="flex flex-wrap items-start gap-2"
      >
        <FormField name="password" id={`password-${staffId}`} label={t("newPassword", { email })} srOnlyLabel>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              placeholder={t("resetPassword")}
              className={`${compactInputClass} w-44`}
            />
          )}
        </FormField>
        <button type="submit" className={secondaryButtonClass} disabled={!password || resetPassword.pending}>
          {t("setPassword")}
        </button>
      </Form>
      <div aria-live="polite">
        <FormError error={error} />
        {resetPassword.succeeded ? <Notice tone="success">{t("passwordSet", { email })}</Notice> : null}
      </div>
    </div>
  );
}
