"use client";

import { useTranslations } from "next-intl";
import { inputClass } from "./field";

/** The agent's own zone first, then UTC, then every IANA zone the browser knows. */
export function TimeZoneSelect({
  id,
  value,
  onChange,
  agentZone,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  agentZone: string;
}) {
  const t = useTranslations("Access");
  const zones = [...new Set([agentZone, "UTC", ...Intl.supportedValuesOf("timeZone")])];
  return (
    <label htmlFor={id} className="block text-sm font-medium">
      {t("timeZone")}
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} className={`${inputClass} mt-1`}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </label>
  );
}
