import { addDaysToWallClock, addMonthsToWallClock, instantOf, wallClockOf } from "./zone-clock";

// A grant's length as a bulk file gives it: "30d", "2w", "1m", "1y" or "lifetime". It is
// counted in the batch's zone the way the grant form's presets are (lib/time/presets.ts):
// a month after 31 January is the last day of February, and a day across a DST change
// keeps the wall-clock time. The bounds keep a typo ("3000m") from granting centuries.
const UNITS = {
  d: { max: 3650, add: (wallClock: number, n: number) => addDaysToWallClock(wallClock, n) },
  w: { max: 520, add: (wallClock: number, n: number) => addDaysToWallClock(wallClock, 7 * n) },
  m: { max: 120, add: (wallClock: number, n: number) => addMonthsToWallClock(wallClock, n) },
  y: { max: 10, add: (wallClock: number, n: number) => addMonthsToWallClock(wallClock, 12 * n) },
} as const;

const DURATION = /^(\d{1,5}) ?([dwmy])$/;

/** The end of `duration` counted from `fromMs` in `zone`: epoch ms, null for lifetime, "invalid" when it is not one. */
export function addDuration(fromMs: number, duration: string, zone: string): number | null | "invalid" {
  const text = duration.trim().toLowerCase();
  if (text === "lifetime") return null;
  const match = DURATION.exec(text);
  if (!match) return "invalid";
  const amount = Number(match[1]);
  const unit = UNITS[match[2] as keyof typeof UNITS];
  if (amount < 1 || amount > unit.max) return "invalid";
  const end = instantOf(unit.add(wallClockOf(fromMs, zone), amount), zone);
  return Number.isFinite(end) ? end : "invalid";
}
