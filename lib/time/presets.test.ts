import { describe, expect, it } from "vitest";
import { applyPreset, toZonedParts } from "./presets";
import { zonedLocalToDate } from "./zoned";

const at = (local: string, zone: string) => {
  const date = zonedLocalToDate(local, zone);
  if (!date) throw new Error(`bad time ${local}`);
  return date;
};
const wallClock = (date: Date | null, zone: string) => {
  if (!date) return null;
  const parts = toZonedParts(date, zone);
  return `${parts.date}T${parts.time}`;
};

describe("applyPreset", () => {
  it("31 January + 1 month is the last day of February, in a leap year too", () => {
    expect(wallClock(applyPreset(at("2027-01-31T14:00", "UTC"), "1m", "UTC"), "UTC")).toBe("2027-02-28T14:00");
    expect(wallClock(applyPreset(at("2028-01-31T14:00", "UTC"), "1m", "UTC"), "UTC")).toBe("2028-02-29T14:00");
    expect(wallClock(applyPreset(at("2028-02-29T09:00", "UTC"), "1y", "UTC"), "UTC")).toBe("2029-02-28T09:00");
    expect(wallClock(applyPreset(at("2026-08-31T10:00", "UTC"), "6m", "UTC"), "UTC")).toBe("2027-02-28T10:00");
  });

  // The day before each change: Europe moves on the last Sundays of March and October,
  // the United States on the second Sunday of March and the first of November.
  for (const [zone, spring, springAfter, autumn, autumnAfter] of [
    ["Europe/Berlin", "2027-03-27T14:00", "2027-03-28T14:00", "2026-10-24T14:00", "2026-10-25T14:00"],
    ["America/New_York", "2027-03-13T14:00", "2027-03-14T14:00", "2026-10-31T14:00", "2026-11-01T14:00"],
  ] as const) {
    it(`keeps the wall-clock time across both DST changes in ${zone}`, () => {
      const springNext = applyPreset(at(spring, zone), "1d", zone);
      const autumnNext = applyPreset(at(autumn, zone), "1d", zone);
      expect(wallClock(springNext, zone)).toBe(springAfter);
      expect(wallClock(autumnNext, zone)).toBe(autumnAfter);
      // …so those days are 23 and 25 hours long.
      expect(((springNext?.getTime() ?? 0) - at(spring, zone).getTime()) / 3_600_000).toBe(23);
      expect(((autumnNext?.getTime() ?? 0) - at(autumn, zone).getTime()) / 3_600_000).toBe(25);
      // A month across the change keeps the wall clock too.
      expect(wallClock(applyPreset(at(spring, zone), "1m", zone), zone)?.slice(11)).toBe("14:00");
    });
  }

  it("counts days and weeks, and lifetime has no expiry", () => {
    expect(wallClock(applyPreset(at("2026-11-22T14:00", "UTC"), "7d", "UTC"), "UTC")).toBe("2026-11-29T14:00");
    expect(wallClock(applyPreset(at("2026-12-30T14:00", "UTC"), "3d", "UTC"), "UTC")).toBe("2027-01-02T14:00");
    expect(applyPreset(at("2026-11-22T14:00", "UTC"), "lifetime", "UTC")).toBeNull();
  });

  it("counts in the chosen zone, not in UTC", () => {
    // 23:30 in New York on 31 January is already 1 February in UTC.
    const start = at("2027-01-31T23:30", "America/New_York");
    expect(wallClock(applyPreset(start, "1m", "America/New_York"), "America/New_York")).toBe("2027-02-28T23:30");
    expect(wallClock(applyPreset(start, "1m", "UTC"), "UTC")).toBe("2027-03-01T04:30");
  });
});

describe("toZonedParts", () => {
  it("shows a UTC moment as the wall clock of a zone", () => {
    expect(toZonedParts(new Date("2026-11-22T13:00:00Z"), "Europe/Berlin")).toEqual({
      date: "2026-11-22",
      time: "14:00",
    });
    expect(toZonedParts(new Date("2026-07-01T03:30:00Z"), "America/New_York")).toEqual({
      date: "2026-06-30",
      time: "23:30",
    });
  });
});
