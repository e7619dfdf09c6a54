"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ChangeActionFn } from "@/lib/change/action";
import { GRANTING_ROLES, type Settings } from "@/lib/policy/settings";
import { settingsFormSchema, settingsFormValues, settingsFrom } from "@/lib/policy/settings-form";
import { Form, FormField } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import { RolePolicyFields } from "./role-policy-fields";

interface Props {
  settings: Settings;
  /** The stored version the form was filled from: a save from an older one is refused. */
  version: number;
  /** The levels to choose from (ADAPTY_ACCESS_LEVELS). */
  levels: string[];
  action: ChangeActionFn<{ settings: Settings; fromVersion: number }, { version: number }>;
}

/** Admins set each role's grant policy and how long approvals and undo stay open. */
export function SettingsForm({ settings, version, levels, action }: Props) {
  const t = useTranslations("Settings");
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(settingsFormSchema), defaultValues: settingsFormValues(settings) });
  // The version the next save is made from: the one saved last, from this form or the page.
  const [fromVersion, setFromVersion] = useState(version);
  const save = useChangeOutcome(action, {
    form,
    namespace: "Settings.errors",
    onSucceeded: (saved) => {
      setFromVersion(saved.version);
      router.refresh(); // "last changed by"
    },
  });
  return (
    <Form
      form={form}
      namespace="Settings.errors"
      onSubmit={(values) => save.submit({ settings: settingsFrom(values), fromVersion })}
      className="space-y-6"
    >
      <div className="grid gap-6 lg:grid-cols-2">
        {GRANTING_ROLES.map((role) => (
          <RolePolicyFields key={role} role={role} levels={levels} />
        ))}
      </div>
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("windowsTitle")}</legend>
        <FormField name="approvalHours" id="approval-hours" label={t("approvalHours")} hint={t("approvalHoursHint")}>
          {(field) => <input {...field} inputMode="numeric" className={inputClass} />}
        </FormField>
        <FormField name="undoHours" id="undo-hours" label={t("undoHours")} hint={t("undoHoursHint")}>
          {(field) => <input {...field} inputMode="numeric" className={inputClass} />}
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("bulkTitle")}</legend>
        <FormField
          name="batchRowsWithoutApproval"
          id="batch-rows-without-approval"
          label={t("batchRowsWithoutApproval")}
          hint={t("batchRowsWithoutApprovalHint")}
        >
          {(field) => <input {...field} inputMode="numeric" className={inputClass} />}
        </FormField>
      </fieldset>
      <FormError error={save.error} />
      {save.succeeded ? <Notice tone="success">{t("saved")}</Notice> : null}
      <button type="submit" className={buttonClass} disabled={save.pending}>
        {save.pending ? t("saving") : t("save")}
      </button>
    </Form>
  );
}
