import { zonedLocalToDate } from "@/lib/time/zoned";

// The moments a bulk file gives (expires_at, starts_at, revoke_at). With an offset
// ("2027-01-06T10:00:00Z", "+02:00") the moment is taken as written; without one
// ("2027-01-06T10:00", "2027-01-06 10:00", "2027-01-06") it is a wall-clock time in the
// batch's zone, a date alone meaning the start of that day. Nothing else is guessed at:
// "06/01/2027" is the 6th of January in one country and the 1st of June in another.
const WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)? ?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)$/i;
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Epoch ms of the moment `value` names, or null when it is not one this console reads. */
export function readInstant(value: string, zone: string): number | null {
  const text = value.trim();
  const withOffset = WITH_OFFSET.exec(text);
  if (withOffset) return offsetInstant(withOffset);
  const wallClock = WALL_CLOCK.exec(text);
  if (!wallClock) return null;
  const [, year, month, day, hour = "00", minute = "00", second = "00"] = wallClock;
  if (!isClockTime(Number(hour), Number(minute), Number(second)) || !isYear(Number(year))) return null;
  return zonedLocalToDate(`${year}-${month}-${day}T${hour}:${minute}:${second}`, zone)?.getTime() ?? null;
}

function offsetInstant(match: RegExpExecArray): number | null {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const milliseconds = Math.floor(Number(`0.${match[7] ?? "0"}`) * 1000);
  if (!isClockTime(hour, minute, second) || !isYear(year)) return null;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second, milliseconds));
  // Date.UTC rolls 30 February over into March; a date that moved was not a real one.
  if (wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return null;
  if (match[8]) return wall.getTime();
  const offsetHours = Number(match[10]);
  const offsetMinutes = Number(match[11] ?? 0);
  // The world's offsets run from -12:00 to +14:00.
  if (offsetHours > 14 || offsetMinutes > 59) return null;
  const sign = match[9] === "-" ? -1 : 1;
  return wall.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

const isClockTime = (hour: number, minute: number, second: number) => hour <= 23 && minute <= 59 && second <= 59;

/** Four-digit years from 1970: earlier ones are typos, and Date.UTC reads 0–99 as 1900–1999. */
const isYear = (year: number) => year >= 1970;
