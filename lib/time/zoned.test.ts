import { describe, expect, it } from "vitest";
import { zonedLocalToDate } from "./zoned";

describe("zonedLocalToDate", () => {
  it("reads a wall-clock time in the given zone", () => {
    expect(zonedLocalToDate("2026-11-22T14:00", "Europe/Berlin")?.toISOString()).toBe("2026-11-22T13:00:00.000Z");
    expect(zonedLocalToDate("2026-07-01T09:30", "America/New_York")?.toISOString()).toBe("2026-07-01T13:30:00.000Z");
    expect(zonedLocalToDate("2026-11-22T14:00:30", "UTC")?.toISOString()).toBe("2026-11-22T14:00:30.000Z");
  });

  it.each(["2026-02-30T10:00", "2026-11-22", "yesterday", "2026-11-22T25:00"])("refuses %s", (value) => {
    expect(zonedLocalToDate(value, "UTC")).toBeNull();
  });
});
