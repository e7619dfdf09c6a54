"use client";

import { useFormatter } from "next-intl";

/** A moment as the dialogs show it: in the chosen zone, and in UTC. */
export function useZonedFormat(zone: string) {
  const format = useFormatter();
  const at = (date: Date, timeZone: string) =>
    format.dateTime(date, { timeZone, dateStyle: "medium", timeStyle: "short" });
  return {
    local: (date: Date) => at(date, zone),
    utc: (date: Date) => at(date, "UTC"),
    /** "12 Dec 2026, 09:30 Europe/Berlin", the form the confirmation lines take. */
    zoned: (date: Date) => ({ local: `${at(date, zone)} ${zone}`, utc: at(date, "UTC") }),
  };
}
