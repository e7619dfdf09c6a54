"use client";

import type { SelectHTMLAttributes } from "react";
import { inputClass } from "./styles";

/** The agent's own zone first, then UTC, then every IANA zone the browser knows. Use inside a FormField. */
export function TimeZoneSelect({
  agentZone,
  ...select
}: { agentZone: string } & SelectHTMLAttributes<HTMLSelectElement> & {
    ref?: React.Ref<HTMLSelectElement>;
  }) {
  const zones = [...new Set([agentZone, "UTC", ...Intl.supportedValuesOf("timeZone")])];
  return (
    <select {...select} className={inputClass}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))}
    </select>
  );
}
