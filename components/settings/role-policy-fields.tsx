"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { FieldError, FormField } from "@/components/ui/form";
import { inputClass } from "@/components/ui/styles";
import type { GrantingRole } from "@/lib/policy/settings";
import type { SettingsFormValues } from "@/lib/policy/settings-form";

/** One role's grant policy: the longest grant, lifetime, which levels, and the daily cap. */
export function RolePolicyFields({ role, levels }: { role: GrantingRole; levels: string[] }) {
  const t = useTranslations("Settings");
  const { register, control } = useFormContext<SettingsFormValues>();
  const anyLevel = useWatch({ control, name: `${role}.anyLevel` });
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-base font-semibold">{t("roleTitle", { role })}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name={`${role}.maxDays`} id={`${role}-max-days`} label={t("maxDays")} hint={t("maxDaysHint")}>
          {(field) => <input {...field} inputMode="numeric" className={inputClass} />}
        </FormField>
        <FormField name={`${role}.dailyCap`} id={`${role}-daily-cap`} label={t("dailyCap")} hint={t("dailyCapHint")}>
          {(field) => <input {...field} inputMode="numeric" className={inputClass} />}
        </FormField>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register(`${role}.lifetime`)} />
        {t("lifetime")}
      </label>
      <div className="space-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" {...register(`${role}.anyLevel`)} />
          {t("anyLevel")}
        </label>
        {anyLevel ? null : (
          <fieldset className="ml-6 space-y-1" aria-describedby={`${role}.levels-error`}>
            <legend className="text-slate-600">{t("onlyLevels")}</legend>
            {levels.map((level) => (
              <label key={level} className="flex items-center gap-2">
                <input type="checkbox" value={level} {...register(`${role}.levels`)} />
                {level}
              </label>
            ))}
            <FieldError name={`${role}.levels`} />
          </fieldset>
        )}
      </div>
    </fieldset>
  );
}
