import { describe, expect, it } from "vitest";
import { addDuration } from "./duration";

const at = (iso: string) => Date.parse(iso);
const end = (from: string, duration: string, zone: string) => {
  const result = addDuration(at(from), duration, zone);
  return typeof result === "number" ? new Date(result).toISOString() : result;
};

describe("addDuration", () => {
  it("counts days, weeks, months and years in the calendar", () => {
    expect(end("2027-01-06T10:00:00Z", "30d", "UTC")).toBe("2027-02-05T10:00:00.000Z");
    expect(end("2027-01-06T10:00:00Z", "2w", "UTC")).toBe("2027-01-20T10:00:00.000Z");
    expect(end("2027-01-06T10:00:00Z", "3m", "UTC")).toBe("2027-04-06T10:00:00.000Z");
    expect(end("2027-01-06T10:00:00Z", "1y", "UTC")).toBe("2028-01-06T10:00:00.000Z");
  });

  it("ends a month after the 31st on the last day of the shorter month", () => {
    // 31 January 10:00 in Berlin (UTC+1) → 28 February 10:00, and 29 February in a leap year.
    expect(end("2027-01-31T09:00:00Z", "1m", "Europe/Berlin")).toBe("2027-02-28T09:00:00.000Z");
    expect(end("2028-01-31T09:00:00Z", "1m", "Europe/Berlin")).toBe("2028-02-29T09:00:00.000Z");
    expect(end("2028-02-29T09:00:00Z", "1y", "Europe/Berlin")).toBe("2029-02-28T09:00:00.000Z");
  });

  it("keeps the wall-clock time across a DST change", () => {
    // Berlin moves to summer time on 28 March 2027: 12:00 +01:00 → 12:00 +02:00, 23 hours later.
    expect(end("2027-03-27T11:00:00Z", "1d", "Europe/Berlin")).toBe("2027-03-28T10:00:00.000Z");
    // New York leaves summer time on 1 November 2026: 09:00 -04:00 → 09:00 -05:00 a week on.
    expect(end("2026-10-29T13:00:00Z", "1w", "America/New_York")).toBe("2026-11-05T14:00:00.000Z");
    // Month ends in the zone's calendar, not UTC's: 31 January 00:30 in Tokyo is 30 January in UTC.
    expect(end("2027-01-30T15:30:00Z", "1m", "Asia/Tokyo")).toBe("2027-02-27T15:30:00.000Z");
  });

  it("reads lifetime as no end, in any case", () => {
    expect(addDuration(at("2027-01-06T10:00:00Z"), "lifetime", "UTC")).toBeNull();
    expect(addDuration(at("2027-01-06T10:00:00Z"), " Lifetime ", "UTC")).toBeNull();
  });

  it("takes upper case, a space before the unit and the largest lengths", () => {
    expect(end("2027-01-06T10:00:00Z", " 30D ", "UTC")).toBe("2027-02-05T10:00:00.000Z");
    expect(end("2027-01-06T10:00:00Z", "6 m", "UTC")).toBe("2027-07-06T10:00:00.000Z");
    expect(end("2027-01-06T10:00:00Z", "3650d", "UTC")).toBe("2037-01-03T10:00:00.000Z");
    expect(end("2027-01-06T10:00:00Z", "520w", "UTC")).toBe("2036-12-24T10:00:00.000Z");
    expect(end("2027-01-06T10:00:00Z", "120m", "UTC")).toBe("2037-01-06T10:00:00.000Z");
    expect(end("2027-01-06T10:00:00Z", "10y", "UTC")).toBe("2037-01-06T10:00:00.000Z");
  });

  it.each(["", "0d", "-1d", "1.5m", "3651d", "521w", "121m", "11y", "1h", "d", "30", "1 month", "forever", "1d2h"])(
    "refuses %j",
    (duration) => {
      expect(addDuration(at("2027-01-06T10:00:00Z"), duration, "UTC")).toBe("invalid");
    },
  );
});
