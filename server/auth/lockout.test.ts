import { describe, expect, it } from "vitest";
import { LOCKOUT_WINDOW_MS, lockedUntil } from "./lockout";

const NOW = new Date("2026-11-22T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

describe("lockedUntil", () => {
  it("does not lock after four failures", () => {
    expect(lockedUntil([1, 2, 3, 4].map(minutesAgo), NOW)).toBeNull();
  });

  it("locks for 15 minutes from the fifth failure within 15 minutes", () => {
    expect(lockedUntil([10, 8, 6, 4, 2].map(minutesAgo), NOW)).toEqual(new Date(minutesAgo(2).getTime() + LOCKOUT_WINDOW_MS));
  });

  it("locks the moment the fifth failure happens", () => {
    expect(lockedUntil([4, 3, 2, 1, 0].map(minutesAgo), NOW)).toEqual(new Date(NOW.getTime() + LOCKOUT_WINDOW_MS));
  });

  it("ignores failures older than 15 minutes, exactly at the edge too", () => {
    expect(lockedUntil([15, 14, 13, 12].map(minutesAgo), NOW)).toBeNull();
    expect(lockedUntil([16, 15, 3, 2, 1].map(minutesAgo), NOW)).toBeNull();
  });

  it("is over once 15 minutes have passed since the newest failure", () => {
    const failures = [20, 19, 18, 17, 16].map(minutesAgo);
    expect(lockedUntil(failures, NOW)).toBeNull();
    expect(lockedUntil(failures, minutesAgo(10))).toEqual(new Date(minutesAgo(16).getTime() + LOCKOUT_WINDOW_MS));
  });
});
