"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { Form, FormField } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { compactInputClass, secondaryButtonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { Role } from "@/lib/staff/roles";
import { resetPasswordSchema } from "@/lib/staff/schema";
import { EnableToggle } from "./enable-toggle";
import { RoleChange } from "./role-change";
import type { StaffChange } from "./staff-change";

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

const passwordForm = resetPasswordSchema.pick({ password: true });

/** Role, enable/disable and password reset for one staff member (not shown on your own row). */
export function StaffRowActions({ staffId, email, role, enabled, actions }: Props) {
  const t = useTranslations("Staff");
  const passwords = useForm({ resolver: zodResolver(passwordForm), defaultValues: { password: "" } });
  const resetPassword = useChangeOutcome(actions.resetPassword, {
    namespace: "Validation",
    form: passwords,
    onSucceeded: () => passwords.reset(),
  });
  const password = useWatch({ control: passwords.control, name: "password" });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <RoleChange staffId={staffId} email={email} role={role} action={actions.changeRole} />
        <EnableToggle staffId={staffId} email={email} enabled={enabled} action={actions.setEnabled} />
      </div>
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
        <FormError error={resetPassword.error} />
        {resetPassword.succeeded ? <Notice tone="success">{t("passwordSet", { email })}</Notice> : null}
      </div>
    </div>
  );
}
