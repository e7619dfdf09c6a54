import { instantOf } from "./zone-clock";

// The moments a bulk file gives (expires_at, starts_at, revoke_at). With an offset
// ("2027-01-06T10:00:00Z", "+02:00") the moment is taken as written; without one
// ("2027-01-06T10:00", "2027-01-06 10:00", "2027-01-06") it is a wall-clock time in the
// batch's zone (read as lib/time/zoned.ts reads the forms' fields), a date alone meaning
// the start of that day. Nothing else is guessed at: "06/01/2027" is the 6th of January
// in one country and the 1st of June in another.
const MOMENT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?: ?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?))?$/i;

/** Epoch ms of the moment `value` names, or null when it is not one this console reads. */
export function readInstant(value: string, zone: string): number | null {
  const match = MOMENT.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const hasTime = match[4] !== undefined;
  const hasOffset = match[8] !== undefined || match[9] !== undefined;
  // An offset says when on the day; "2027-01-06Z" is not a moment anyone writes on purpose.
  if (hasOffset && !hasTime) return null;
  // Four-digit years from 1970: earlier ones are typos, and Date.UTC reads 0–99 as 1900–1999.
  if (year < 1970 || hour > 23 || minute > 59 || second > 59) return null;
  const milliseconds = Math.floor(Number(`0.${match[7] ?? "0"}`) * 1000);
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  // Date.UTC rolls 30 February over into March; a date that moved was not a real one.
  const check = new Date(wallClock);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (!hasOffset) {
    const instant = instantOf(wallClock, zone);
    return Number.isFinite(instant) ? instant : null;
  }
  if (match[8]) return wallClock;
  const offsetHours = Number(match[10]);
  const offsetMinutes = Number(match[11] ?? 0);
  // The world's offsets run from -12:00 to +14:00.
  if (offsetHours > 14 || offsetMinutes > 59) return null;
  return wallClock - (match[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
}
