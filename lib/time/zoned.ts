import { TZDate } from "@date-fns/tz";
import { currentZoneName } from "./zones";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A wall-clock time as typed in a `datetime-local` field ("2026-11-22T14:00"), read in
 * the given IANA zone; null when it is not a real time.
 */
export function zonedLocalToDate(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zoned = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  if (
    Number.isNaN(zoned.getTime()) ||
    zoned.getFullYear() !== year ||
    zoned.getMonth() !== month - 1 ||
    zoned.getDate() !== day
  )
    return null;
  return new Date(zoned.getTime());
}

/** The zone the agent's browser is in now, by its current name; `fallback` where it cannot say. */
export function browserTimeZone(fallback: string): string {
  try {
    return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone || fallback);
  } catch {
    return fallback;
  }
}
