"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { buttonClass, Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ROLES } from "@/lib/staff/roles";
import { addStaffSchema, type AddStaffInput } from "@/lib/staff/schema";
import { addStaffAction } from "@/server/staff/add-staff";
import { useValidationMessage } from "./use-validation-message";

export function AddStaffForm() {
  const t = useTranslations("Staff");
  const message = useValidationMessage();
  const form = useForm<AddStaffInput>({
    resolver: zodResolver(addStaffSchema),
    defaultValues: { email: "", role: "viewer", password: "" },
  });
  const { execute, result, isPending } = useAction(addStaffAction, { onSuccess: () => form.reset() });
  const errors = form.formState.errors;
  const serverErrors = result.validationErrors?.fieldErrors;

  return (
    <form
      onSubmit={form.handleSubmit((values) => execute(values))}
      noValidate
      className="grid gap-4 sm:grid-cols-[2fr_1fr_2fr_auto] sm:items-start"
    >
      <Field id="staff-email" label={t("email")} error={message(errors.email?.message ?? serverErrors?.email?.[0])}>
        <input
          id="staff-email"
          type="email"
          autoComplete="off"
          className={inputClass}
          aria-invalid={errors.email ? true : undefined}
          {...form.register("email")}
        />
      </Field>
      <Field id="staff-role" label={t("role")} error={message(errors.role?.message)}>
        <select id="staff-role" className={inputClass} {...form.register("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t("roleName", { role })}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="staff-password"
        label={t("password")}
        hint={t("passwordHint")}
        error={message(errors.password?.message ?? serverErrors?.password?.[0])}
      >
        <input
          id="staff-password"
          type="password"
          autoComplete="new-password"
          className={inputClass}
          aria-invalid={errors.password ? true : undefined}
          {...form.register("password")}
        />
      </Field>
      <button type="submit" disabled={isPending} className={`${buttonClass} sm:mt-6`}>
        {isPending ? t("adding") : t("add")}
      </button>
      <div className="sm:col-span-4" aria-live="polite">
        {result.serverError ? <Notice tone="error">{result.serverError}</Notice> : null}
        {result.data ? <Notice tone="success">{t("added", { email: result.data.email })}</Notice> : null}
      </div>
    </form>
  );
}
