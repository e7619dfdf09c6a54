import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, addYears } from "date-fns";

// How long a grant lasts, counted in the calendar of the chosen zone: a month after
// 31 January is the last day of February, and a day across a DST change keeps the
// wall-clock time (it is 23 or 25 hours long).
export const EXPIRY_PRESETS = ["1d", "3d", "7d", "1m", "2m", "3m", "6m", "1y", "lifetime"] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

const STEPS: Record<Exclude<ExpiryPreset, "lifetime">, (date: TZDate) => TZDate> = {
  "1d": (d) => addDays(d, 1),
  "3d": (d) => addDays(d, 3),
  "7d": (d) => addDays(d, 7),
  "1m": (d) => addMonths(d, 1),
  "2m": (d) => addMonths(d, 2),
  "3m": (d) => addMonths(d, 3),
  "6m": (d) => addMonths(d, 6),
  "1y": (d) => addYears(d, 1),
};

/** The expiry a preset gives from `start`; null for lifetime. */
export function applyPreset(start: Date, preset: ExpiryPreset, timeZone: string): Date | null {
  if (preset === "lifetime") return null;
  return new Date(STEPS[preset](new TZDate(start.getTime(), timeZone)).getTime());
}

/** A date and a time as the agent picks them, read in a chosen zone. */
export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
}

/** Wall-clock parts of a moment in a zone, as a date-time field shows them. */
export function toZonedParts(date: Date, timeZone: string): WallClock {
  const zoned = new TZDate(date.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`,
    time: `${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`,
  };
}
