import { tzOffset } from "@date-fns/tz";

// Wall-clock times in an IANA zone and the instants they are, from the zone's offsets as
// @date-fns/tz reads them (the source TZDate and lib/time use), without a TZDate per cell:
// a 50,000-row file has several dates a row, and TZDate's calendar setters cost about
// 20 µs each where an offset lookup costs about 1 µs. A wall-clock time is carried as the
// epoch ms of the same fields in UTC, so Date.UTC does the calendar.

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The wall clock `instant` shows in `zone`. */
export function wallClockOf(instant: number, zone: string): number {
  return instant + tzOffset(zone, new Date(instant)) * MINUTE;
}

/**
 * The instant a wall-clock time is in `zone`, chosen as TZDate chooses it (so a bulk row and
 * the grant form agree to the minute): a time the clocks skip (spring forward) moves on by
 * the change, 02:30 becoming 03:30; a time shown twice (fall back) is the reading the zone's
 * offset at that wall clock, taken as UTC, gives.
 */
export function instantOf(wallClock: number, zone: string): number {
  const first = tzOffset(zone, new Date(wallClock));
  const firstReading = wallClock - first * MINUTE;
  const second = tzOffset(zone, new Date(firstReading));
  if (second === first) return firstReading;
  const secondReading = wallClock - second * MINUTE;
  if (wallClockOf(secondReading, zone) === wallClock) return secondReading;
  // Neither reading shows this wall clock: it is in a gap, read with the offset before the change.
  return wallClock - Math.min(first, second) * MINUTE;
}

/** The wall-clock time `months` calendar months later; a day the shorter month lacks becomes its last day. */
export function addMonthsToWallClock(wallClock: number, months: number): number {
  const date = new Date(wallClock);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(
    year,
    month,
    Math.min(date.getUTCDate(), lastDay),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

/** The wall-clock time `days` calendar days later (a wall-clock day is 24 hours; the zone decides the instant). */
export const addDaysToWallClock = (wallClock: number, days: number) => wallClock + days * DAY;
