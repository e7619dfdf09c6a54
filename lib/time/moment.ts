/** How a moment is written: in a zone, with or without the zone's short name. */
export interface MomentOptions {
  timeZone: string;
  withZone?: boolean;
}

const DATE = { year: "numeric", month: "short", day: "numeric" } as const;
const TIME = { hour: "numeric", minute: "2-digit" } as const;

/**
 * Whether the locale's own short time pads the hour ("08:30" in en-GB, zh-CN, vi; "8:30" in
 * ja, "8:30 AM" in en). `hour: "numeric"` alone does not say so the same way in every ICU.
 */
const paddingByLocale = new Map<string, boolean>();
function padsHour(locale: string): boolean {
  const known = paddingByLocale.get(locale);
  if (known !== undefined) return known;
  const parts = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" }).formatToParts(
    Date.UTC(2020, 0, 1, 8, 30),
  );
  const pads = parts.find((part) => part.type === "hour")?.value.length === 2;
  paddingByLocale.set(locale, pads);
  return pads;
}

function write(
  locale: string,
  date: Date,
  options: Intl.DateTimeFormatOptions,
  pad: boolean,
): Intl.DateTimeFormatPart[] {
  return new Intl.DateTimeFormat(locale, options)
    .formatToParts(date)
    .map((part) => (pad && part.type === "hour" ? { ...part, value: part.value.padStart(2, "0") } : part));
}

const joined = (parts: Intl.DateTimeFormatPart[]) => parts.map((part) => part.value).join("");

/**
 * A moment in the locale's own words and clock ("Dec 6, 2026, 4:19 PM", "6 Dec 2026, 16:19",
 * "2026年12月6日 16:19"), always date first: an agent scans a column of times by day, and
 * Vietnamese, whose CLDR pattern puts the hour first, is written "6 thg 12, 2026 16:19" as
 * Vietnamese software commonly does.
 */
export function formatMoment(locale: string, date: Date, { timeZone, withZone = false }: MomentOptions): string {
  const zone = withZone ? ({ timeZoneName: "short" } as const) : {};
  const pad = padsHour(locale);
  const parts = write(locale, date, { ...DATE, ...TIME, ...zone, timeZone }, pad);
  const firstOfDate = parts.findIndex((part) => part.type === "year" || part.type === "month" || part.type === "day");
  const firstOfTime = parts.findIndex((part) => part.type === "hour");
  if (firstOfDate < firstOfTime) return joined(parts);
  const day = new Intl.DateTimeFormat(locale, { ...DATE, timeZone }).format(date);
  return `${day} ${joined(write(locale, date, { ...TIME, ...zone, timeZone }, pad))}`;
}
