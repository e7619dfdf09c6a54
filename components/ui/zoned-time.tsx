import { useFormatter } from "next-intl";

/** The options of a time that names its zone ("1 Dec 2026, 18:30 CET"). */
const WITH_ZONE = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;

/** A moment in the agent's zone, the zone named in the text itself; UTC as its machine-readable value. */
export function ZonedTime({ date }: { date: Date }) {
  const format = useFormatter();
  return <time dateTime={date.toISOString()}>{format.dateTime(date, WITH_ZONE)}</time>;
}
