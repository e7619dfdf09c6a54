"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { compactInputClass, secondaryButtonClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ROLES, type Role } from "@/lib/staff/roles";
import { changeRoleAction } from "@/server/staff/change-role";
import { resetPasswordAction } from "@/server/staff/reset-password";
import { setEnabledAction } from "@/server/staff/set-enabled";
import { useValidationMessage } from "./use-validation-message";

interface Props {
  staffId: string;
  email: string;
  role: Role;
  enabled: boolean;
}

/** Role, enable/disable and password reset for one staff member (not shown on your own row). */
export function StaffRowActions({ staffId, email, role, enabled }: Props) {
  const t = useTranslations("Staff");
  const message = useValidationMessage();
  const [chosenRole, setChosenRole] = useState<Role>(role);
  const [password, setPassword] = useState("");
  const changeRole = useAction(changeRoleAction);
  const setEnabled = useAction(setEnabledAction);
  const resetPassword = useAction(resetPasswordAction, { onSuccess: () => setPassword("") });
  const error =
    changeRole.result.serverError ??
    setEnabled.result.serverError ??
    resetPassword.result.serverError ??
    message(resetPassword.result.validationErrors?.fieldErrors?.password?.[0]);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="sr-only" htmlFor={`role-${staffId}`}>
          {t("role")}
        </label>
        <select
          id={`role-${staffId}`}
          value={chosenRole}
          onChange={(event) => setChosenRole(event.target.value as Role)}
          className={`${compactInputClass} w-28`}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t("roleName", { role: option })}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={chosenRole === role || changeRole.isPending}
          onClick={() => changeRole.execute({ staffId, role: chosenRole })}
        >
          {t("saveRole")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={setEnabled.isPending}
          onClick={() => setEnabled.execute({ staffId, enabled: !enabled })}
        >
          {enabled ? t("disable") : t("enable")}
        </button>
      </div>
      <form
        className="flex flex-wrap items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          resetPassword.execute({ staffId, password });
        }}
      >
        <label className="sr-only" htmlFor={`password-${staffId}`}>
          {t("newPassword", { email })}
        </label>
        <input
          id={`password-${staffId}`}
          type="password"
          autoComplete="new-password"
          placeholder={t("resetPassword")}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          className={`${compactInputClass} w-44`}
        />
        <button type="submit" className={secondaryButtonClass} disabled={!password || resetPassword.isPending}>
          {t("setPassword")}
        </button>
      </form>
      <div aria-live="polite">
        {error ? <Notice tone="error">{error}</Notice> : null}
        {resetPassword.result.data ? <Notice tone="success">{t("passwordSet", { email })}</Notice> : null}
      </div>
    </div>
  );
}
