import { describe, expect, it } from "vitest";
import { countParts, durationParts, estimatedSeconds, isLive, progressOf, rowsDone } from "./progress";
import type { RowCounts } from "./view";

const counts = (some: Partial<RowCounts>): RowCounts => ({
  invalid: 0,
  ready: 0,
  sending: 0,
  succeeded: 0,
  failed: 0,
  refused: 0,
  unknown: 0,
  notFound: 0,
  cancelled: 0,
  ...some,
});

describe("countParts", () => {
  it("names only the counts that are not zero, in a fixed order", () => {
    expect(countParts(counts({ failed: 2, succeeded: 380, invalid: 3 }))).toEqual([
      { part: "succeeded", count: 380 },
      { part: "failed", count: 2 },
      { part: "invalid", count: 3 },
    ]);
  });

  it("names nothing for an empty batch", () => {
    expect(countParts(counts({}))).toEqual([]);
  });
});

describe("progressOf", () => {
  it("counts every finished row against the rows that will be sent, never the invalid ones", () => {
    const running = counts({ succeeded: 30, failed: 5, notFound: 5, ready: 50, sending: 10, invalid: 7 });
    expect(rowsDone(running)).toBe(40);
    expect(progressOf(running)).toEqual({ done: 40, of: 100, percent: 40 });
  });

  it("rounds down, so 100% means every row is done", () => {
    expect(progressOf(counts({ succeeded: 999, ready: 1 })).percent).toBe(99);
  });

  it("is complete when there is nothing to send", () => {
    expect(progressOf(counts({ invalid: 4 }))).toEqual({ done: 0, of: 0, percent: 100 });
  });

  it("counts rows a cancel left unsent as finished", () => {
    expect(progressOf(counts({ succeeded: 10, cancelled: 90 })).percent).toBe(100);
  });
});

describe("durationParts", () => {
  it("says seconds under two minutes, minutes under two hours, then hours to a tenth", () => {
    expect(durationParts(0.2)).toEqual({ unit: "seconds", value: 1 });
    expect(durationParts(119)).toEqual({ unit: "seconds", value: 119 });
    expect(durationParts(120)).toEqual({ unit: "minutes", value: 2 });
    expect(durationParts(206)).toEqual({ unit: "minutes", value: 3 });
    expect(durationParts(7200)).toEqual({ unit: "hours", value: 2 });
    expect(durationParts(25_000)).toEqual({ unit: "hours", value: 6.9 });
  });

  it("never says a negative time", () => {
    expect(durationParts(-5)).toEqual({ unit: "seconds", value: 0 });
  });
});

describe("estimatedSeconds", () => {
  it("is the rows' requests (two a row) over the rate, rounded up", () => {
    expect(estimatedSeconds(410, 2)).toBe(410); // two Adapty requests a row
    expect(estimatedSeconds(5, 4)).toBe(3);
  });

  it("cannot be told without a rate", () => {
    expect(estimatedSeconds(410, null)).toBeNull();
  });
});

describe("isLive", () => {
  const dryRun = { startedAt: 1, checked: 3, total: 10, missing: 0, losing: 0 };

  it("keeps asking while rows are sent or paused, or the dry run runs", () => {
    expect(isLive({ status: "running", dryRun: null })).toBe(true);
    expect(isLive({ status: "paused", dryRun: null })).toBe(true);
    expect(isLive({ status: "draft", dryRun: { ...dryRun, finishedAt: null } })).toBe(true);
  });

  it("stops once nothing moves", () => {
    expect(isLive({ status: "draft", dryRun: null })).toBe(false);
    expect(isLive({ status: "draft", dryRun: { ...dryRun, finishedAt: 2 } })).toBe(false);
    expect(isLive({ status: "completed", dryRun: { ...dryRun, finishedAt: 2 } })).toBe(false);
    expect(isLive({ status: "awaiting_approval", dryRun: null })).toBe(false);
  });
});
