import { useFormatter, useNow } from "next-intl";

/**
 * A moment in the agent's time zone and language, with UTC on hover and how long ago
 * (or until) it is — the form every time in the console takes.
 */
export function LocalTime({ date, relative = false }: { date: Date; relative?: boolean }) {
  const format = useFormatter();
  const now = useNow();
  const utc = `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return (
    <time dateTime={date.toISOString()} title={utc}>
      {format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}
      {relative ? <span className="ml-1 text-slate-500">({format.relativeTime(date, now)})</span> : null}
    </time>
  );
}
