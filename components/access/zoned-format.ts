"use client";

import { useTranslations } from "next-intl";
import { useMoment } from "@/components/ui/use-moment";

/** A moment as the dialogs show it: in the chosen zone, and in UTC. */
export function useZonedFormat(zone: string) {
  const moment = useMoment();
  const t = useTranslations("Time");
  const at = (date: Date, timeZone: string) => moment(date, { timeZone });
  return {
    local: (date: Date) => at(date, zone),
    /** "Dec 12, 2026, 9:30 AM Europe/Berlin (Dec 12, 2026, 8:30 AM UTC)": every time a dialog names. */
    full: (date: Date) =>
      zone === "UTC"
        ? t("utc", { time: at(date, zone) })
        : t("zonedWithUtc", { local: at(date, zone), zone, utc: at(date, "UTC") }),
    /** The parts the confirmation lines take: "12 Dec 2026, 09:30 Europe/Berlin" and the UTC time. */
    zoned: (date: Date) => ({ local: `${at(date, zone)} ${zone}`, utc: at(date, "UTC") }),
  };
}
