"use client";

import { useLocale, useNow, useTranslations } from "next-intl";
import { useId, useMemo, useState, type SelectHTMLAttributes } from "react";
import { useWatch } from "react-hook-form";
import { searchZones, zoneChoices, type ZoneChoice } from "@/lib/time/zones";
import { compactInputClass, inputClass } from "./styles";

const label = (choice: ZoneChoice) => `${choice.offset} · ${choice.zone}${choice.name ? ` — ${choice.name}` : ""}`;

/**
 * The zone picker: a search box over a list of every zone, each with its offset now and its
 * name in the agent's language; the agent's own zone and UTC first; current IANA names (an old
 * one such as Asia/Saigon is found, and listed as Asia/Ho_Chi_Minh). Use inside a FormField:
 * the list is the registered control, and the zone chosen stays listed whatever the search.
 */
export function TimeZoneSelect({
  agentZone,
  ...select
}: { agentZone: string; name: string } & SelectHTMLAttributes<HTMLSelectElement> & {
    ref?: React.Ref<HTMLSelectElement>;
  }) {
  const t = useTranslations("TimeZone");
  const locale = useLocale();
  const now = useNow();
  const searchId = useId();
  const [query, setQuery] = useState("");
  const chosen = useWatch({ name: select.name }) as string | undefined;
  const choices = useMemo(() => zoneChoices(locale, agentZone, now), [locale, agentZone, now]);
  const found = searchZones(choices, query);
  const shown = found.some((choice) => choice.zone === chosen)
    ? found
    : [...choices.filter((choice) => choice.zone === chosen), ...found];
  return (
    <div className="space-y-1">
      <input
        id={searchId}
        type="search"
        aria-label={t("search")}
        placeholder={t("search")}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        className={`${compactInputClass} w-full`}
      />
      <select {...select} className={inputClass}>
        {shown.map((choice) => (
          <option key={choice.zone} value={choice.zone}>
            {label(choice)}
          </option>
        ))}
      </select>
      {found.length === 0 ? (
        <p role="status" className="text-xs text-slate-500">
          {t("noMatch", { query })}
        </p>
      ) : null}
    </div>
  );
}
