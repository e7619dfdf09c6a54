"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { FormField } from "@/components/ui/form";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import type { ProfileFormInput } from "@/lib/profiles/form";
import { PLATFORMS } from "@/lib/profiles/schema";
import { ChoiceField, TextField } from "./parts";

/** The installation's text fields: name (under installation_meta), label key, most characters. */
const TEXT_FIELDS = [
  ["device", "device", 200],
  ["os", "os", 100],
  ["locale", "locale", 50],
  ["timezone", "timezone", 100],
  ["app_version", "appVersion", 50],
  ["app_build", "appBuild", 50],
  ["adapty_sdk_version", "sdkVersion", 50],
  ["user_agent", "userAgent", 500],
  ["idfa", "idfa", 100],
  ["idfv", "idfv", 100],
  ["advertising_id", "advertisingId", 100],
  ["android_id", "androidId", 100],
  ["android_app_set_id", "androidAppSetId", 100],
] as const;

/**
 * Optional installation details, sent only when included. Creating, the device id is a new
 * UUID; editing, it is the profile's own (`deviceId`), the one every edit carries.
 */
export function InstallationFields({
  included,
  onInclude,
  deviceId: profileDeviceId,
}: {
  included: boolean;
  onInclude: (included: boolean) => void;
  deviceId?: string;
}) {
  const t = useTranslations("ProfileForm");
  const { setValue } = useFormContext<ProfileFormInput>();
  const [deviceId] = useState(() => profileDeviceId ?? crypto.randomUUID());
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-5">
      <legend className="px-1 text-base font-semibold">{t("installation")}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={included} onChange={(e) => onInclude(e.target.checked)} />
        {t("includeInstallation")}
      </label>
      {included ? (
        <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <FormField
            name="installation_meta.device_id"
            id="device-id"
            label={t("deviceId")}
            hint={profileDeviceId ? t("deviceIdOfProfile") : undefined}
          >
            {(control) => (
              <div className="flex gap-2">
                <input {...control} readOnly defaultValue={deviceId} className={`${inputClass} font-mono text-xs`} />
                {profileDeviceId ? null : (
                  <button
                    type="button"
                    className={secondaryButtonClass}
                    onClick={() => setValue("installation_meta.device_id", crypto.randomUUID())}
                  >
                    {t("regenerate")}
                  </button>
                )}
              </div>
            )}
          </FormField>
          <ChoiceField
            name="installation_meta.platform"
            label={t("platform")}
            notSet={t("notSet")}
            options={PLATFORMS.map((platform) => ({ value: platform, label: platform }))}
          />
          {TEXT_FIELDS.map(([name, label, max]) => (
            <TextField key={name} name={`installation_meta.${name}`} label={t(label)} maxLength={max} />
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
