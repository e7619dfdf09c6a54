import { describe, expect, it } from "vitest";
import { applyPreset, EXPIRY_PRESETS } from "@/lib/time/presets";
import { zonedLocalToDate } from "@/lib/time/zoned";
import { addDuration } from "./duration";
import { readInstant } from "./instant";

// The bulk file's dates and lengths are computed without a TZDate per cell (for speed), so
// they are checked here against what the single grant form computes with it (lib/time):
// zones east and west of UTC, with summer time of an hour or half an hour, one that skips
// midnight, one without; every 10 minutes of the days the clocks change, and instants
// spread over two years.
const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kolkata",
];
const HOUR = 3_600_000;
const START = Date.parse("2026-01-01T00:00:00Z");
const spread = Array.from({ length: 1300 }, (_, i) => START + i * (13 * HOUR + 17 * 60_000));

const pad = (n: number) => String(n).padStart(2, "0");
const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(instant: number, zone: string): string {
  const format =
    formats.get(zone) ??
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
  formats.set(zone, format);
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return `${parts.year}-${pad(parts.month!)}-${pad(parts.day!)}T${pad(parts.hour!)}:${pad(parts.minute!)}`;
}

/** Every 10 minutes of the local days on which the zone's offset changes, in 2026 and 2027. */
function changeDays(zone: string): string[] {
  const offset = (instant: number) => Date.parse(`${wallClock(instant, zone)}Z`) - instant;
  const days = Array.from({ length: 730 }, (_, i) => START + i * 24 * HOUR).filter(
    (instant) => offset(instant) !== offset(instant + 24 * HOUR),
  );
  // The change is on the local day of one end of that UTC day or the other.
  const localDays = new Set(
    days.flatMap((instant) => [instant, instant + 24 * HOUR].map((end) => wallClock(end, zone).slice(0, 10))),
  );
  return [...localDays].flatMap((day) =>
    Array.from({ length: 144 }, (_, i) => `${day}T${pad(Math.floor(i / 6))}:${pad((i % 6) * 10)}`),
  );
}

describe.each(ZONES)("in %s", (zone) => {
  it("reads wall-clock times as the grant form does", () => {
    const times = [...spread.map((instant) => wallClock(instant, zone)), ...changeDays(zone)];
    const different = times.filter((local) => readInstant(local, zone) !== zonedLocalToDate(local, zone)?.getTime());
    expect(different).toEqual([]);
  });

  it("counts durations as the grant form's presets do", () => {
    const presets = EXPIRY_PRESETS.filter((preset) => preset !== "lifetime");
    const different = spread.flatMap((instant) =>
      presets
        .filter(
          (preset) => addDuration(instant, preset, zone) !== applyPreset(new Date(instant), preset, zone)?.getTime(),
        )
        .map((preset) => `${new Date(instant).toISOString()} + ${preset}`),
    );
    expect(different).toEqual([]);
  });
});

it("finds the days the clocks change, so the comparison above covers them", () => {
  const times = changeDays("Europe/Berlin");
  expect(times).toEqual(
    expect.arrayContaining(["2026-03-29T02:30", "2026-10-25T02:30", "2027-03-28T02:30", "2027-10-31T02:30"]),
  );
});

describe("wall-clock times the clocks skip or show twice", () => {
  it("moves a skipped time on by the change", () => {
    // Berlin skips 02:00–03:00 on 28 March 2027: 02:30 is 03:30 summer time.
    expect(readInstant("2027-03-28 02:30", "Europe/Berlin")).toBe(Date.parse("2027-03-28T03:30:00+02:00"));
    // Santiago skips midnight on 6 September 2026: the day starts at 01:00.
    expect(readInstant("2026-09-06", "America/Santiago")).toBe(Date.parse("2026-09-06T01:00:00-03:00"));
  });

  it("reads a time shown twice as one of its two readings", () => {
    const berlin = readInstant("2027-10-31 02:30", "Europe/Berlin");
    expect([Date.parse("2027-10-31T02:30:00+02:00"), Date.parse("2027-10-31T02:30:00+01:00")]).toContain(berlin);
  });
});
