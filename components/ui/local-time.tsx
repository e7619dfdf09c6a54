import { useFormatter, useNow, useTimeZone } from "next-intl";
import { WITH_ZONE } from "@/lib/time/zoned";

/**
 * A moment in the agent's time zone and language, with its zone, how long ago (or until)
 * it is, and the same moment in UTC as visible text (no mouse needed) — the form every
 * time in the console takes.
 */
export function LocalTime({ date, relative = false }: { date: Date; relative?: boolean }) {
  const format = useFormatter();
  const now = useNow();
  const zone = useTimeZone() ?? "UTC";
  const utc = `${format.dateTime(date, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" })} UTC`;
  return (
    <span>
      <time dateTime={date.toISOString()} title={utc}>
        {format.dateTime(date, WITH_ZONE)}
        {relative ? <span className="ml-1 text-slate-500">({format.relativeTime(date, now)})</span> : null}
      </time>
      {zone === "UTC" ? null : <span className="block text-xs text-slate-500">{utc}</span>}
    </span>
  );
}
