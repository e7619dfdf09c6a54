import { useFormatter, useNow, useTimeZone, useTranslations } from "next-intl";
import { useMoment } from "./use-moment";

/**
 * A moment in the agent's time zone and language, with its zone, how long ago (or until)
 * it is, and the same moment in UTC as visible text (no mouse needed) — the form every
 * time in the console takes.
 */
export function LocalTime({ date, relative = false }: { date: Date; relative?: boolean }) {
  const format = useFormatter();
  const moment = useMoment();
  const t = useTranslations("Time");
  const now = useNow();
  const zone = useTimeZone() ?? "UTC";
  const utc = t("utc", { time: moment(date, { timeZone: "UTC" }) });
  return (
    <span>
      <time dateTime={date.toISOString()} title={utc}>
        {moment(date, { withZone: true })}
        {relative ? <span className="ml-1 text-slate-500">({format.relativeTime(date, now)})</span> : null}
      </time>
      {zone === "UTC" ? null : <span className="block text-xs text-slate-500">{utc}</span>}
    </span>
  );
}
