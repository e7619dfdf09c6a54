/** How a moment is written: in a zone, with or without the zone's short name. */
export interface MomentOptions {
  timeZone: string;
  withZone?: boolean;
}

const DATE = { year: "numeric", month: "short", day: "numeric" } as const;
const TIME = { hour: "numeric", minute: "2-digit" } as const;

/**
 * A moment in the locale's own words and clock ("Dec 6, 2026, 4:19 PM", "6 Dec 2026, 16:19",
 * "2026年12月6日 16:19"), always date first: an agent scans a column of times by day, and
 * Vietnamese, whose CLDR pattern puts the hour first, is written "6 thg 12, 2026 16:19" as
 * Vietnamese software commonly does.
 */
export function formatMoment(locale: string, date: Date, { timeZone, withZone = false }: MomentOptions): string {
  const zone = withZone ? ({ timeZoneName: "short" } as const) : {};
  const parts = new Intl.DateTimeFormat(locale, { ...DATE, ...TIME, ...zone, timeZone }).formatToParts(date);
  const firstOfDate = parts.findIndex((part) => part.type === "year" || part.type === "month" || part.type === "day");
  const firstOfTime = parts.findIndex((part) => part.type === "hour");
  if (firstOfDate < firstOfTime) return parts.map((part) => part.value).join("");
  const day = new Intl.DateTimeFormat(locale, { ...DATE, timeZone }).format(date);
  const time = new Intl.DateTimeFormat(locale, { ...TIME, ...zone, timeZone }).format(date);
  return `${day} ${time}`;
}
