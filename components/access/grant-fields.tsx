"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { DateTimeField } from "@/components/ui/date-time-field";
import { FieldError, FormField } from "@/components/ui/form";
import { inputClass } from "@/components/ui/styles";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import type { GrantFormValues } from "@/lib/access/change-forms";
import type { GrantableLevel } from "@/lib/access/levels";
import type { Profile } from "@/lib/adapty/types";
import { EXPIRY_PRESETS } from "@/lib/time/presets";
import { AccessLossNotices, useGrantPlan } from "./grant-plan";
import { ReasonFields } from "./reason-fields";
import { WhenChoice } from "./when-choice";

const DAY = 86_400_000;

/** The grant dialog's form step: level, zone, start, end, the preview of both, what it takes away, and why. */
export function GrantFields({
  profile,
  customer,
  levels,
  agentZone,
  now,
}: {
  profile: Profile;
  customer: string;
  levels: GrantableLevel[];
  agentZone: string;
  now: Date;
}) {
  const t = useTranslations("Access");
  const { values, startsAt, from, expiresAt, format } = useGrantPlan(profile, now);
  const start = startsAt ? format.full(startsAt) : t("fromNow");
  const preview =
    expiresAt === null && values.preset === "lifetime"
      ? t("previewLifetime", { level: values.accessLevelId, start })
      : expiresAt
        ? t("previewGrant", {
            level: values.accessLevelId,
            start,
            end: format.full(expiresAt),
            days: Math.round((expiresAt.getTime() - from.getTime()) / DAY),
          })
        : "";
  const outside = levels.some((level) => level.id === values.accessLevelId && !level.configured);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="accessLevelId"
          id="grant-level"
          label={t("accessLevel")}
          hint={outside ? t("levelOutsideConfig", { level: values.accessLevelId }) : undefined}
        >
          {(control) => (
            <select {...control} className={inputClass}>
              {levels.map(({ id, configured }) => (
                <option key={id} value={id}>
                  {configured ? id : t("levelOption", { level: id })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField name="zone" id="grant-zone" label={t("timeZone")}>
          {(control) => <TimeZoneSelect {...control} agentZone={agentZone} />}
        </FormField>
      </div>

      <WhenChoice name="startLater" group="grant-start" legend={t("start")} now={t("startNow")} later={t("startLater")}>
        {values.startLater ? <DateTimeField name="startsAt" id="grant-start-at" fromDate={now} /> : null}
      </WhenChoice>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("expiry")}</legend>
        <ExpiryPresets />
        {values.preset === "exact" ? (
          <DateTimeField name="expiresAt" id="grant-expires-at" fromDate={from} />
        ) : (
          <FieldError name="expiresAt" id="grant-expires-at-error" />
        )}
      </fieldset>

      {preview ? (
        <p data-testid="grant-preview" className="rounded-md bg-slate-50 p-3 text-sm font-medium">
          {preview}
        </p>
      ) : null}
      <AccessLossNotices profile={profile} customer={customer} now={now} />
      <ReasonFields />
    </>
  );
}

/** The end as a preset length (in the chosen zone's calendar) or an exact time. */
function ExpiryPresets() {
  const t = useTranslations("Access");
  const { register } = useFormContext<GrantFormValues>();
  return (
    <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={t("expiry")}>
      {[...EXPIRY_PRESETS, "exact" as const].map((option) => (
        <label
          key={option}
          className="cursor-pointer rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-slate-900 has-[:checked]:bg-slate-900 has-[:checked]:text-white"
        >
          <input type="radio" value={option} className="sr-only" {...register("preset")} />
          {option === "exact" ? t("exactTime") : t("preset", { preset: option })}
        </label>
      ))}
    </div>
  );
}

/** The grant dialog's review step: exactly what will be sent, and what it takes away. */
export function GrantReview({ profile, customer, now }: { profile: Profile; customer: string; now: Date }) {
  const t = useTranslations("Access");
  const { values, startsAt, expiresAt, format } = useGrantPlan(profile, now);
  return (
    <>
      <ul className="space-y-1 text-sm" data-testid="grant-confirmation">
        <li>{startsAt ? t("confirmStarts", format.zoned(startsAt)) : t("confirmStartsNow")}</li>
        <li>{expiresAt ? t("confirmEnds", format.zoned(expiresAt)) : t("confirmEndsLifetime")}</li>
        <li>{t("confirmReason", { reason: values.reason })}</li>
        {values.ticket ? <li>{t("confirmTicket", { ticket: values.ticket })}</li> : null}
      </ul>
      <AccessLossNotices profile={profile} customer={customer} now={now} />
    </>
  );
}
