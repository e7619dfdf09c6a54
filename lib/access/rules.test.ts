import { describe, expect, it } from "vitest";
import { grantShortensAccess, revokeProblem } from "./rules";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const iso = (offset: number) => new Date(NOW + offset).toISOString();
const date = (offset: number) => new Date(NOW + offset);

describe("revokeProblem", () => {
  const level = { expires_at: iso(10 * DAY) };
  it("allows now, a future time, and exactly the current expiry", () => {
    expect(revokeProblem(level, null, NOW)).toBeNull();
    expect(revokeProblem(level, date(DAY), NOW)).toBeNull();
    expect(revokeProblem(level, date(10 * DAY), NOW)).toBeNull();
  });
  it("refuses the present, the past and anything after the current expiry", () => {
    expect(revokeProblem(level, date(0), NOW)).toBe("past");
    expect(revokeProblem(level, date(-DAY), NOW)).toBe("past");
    expect(revokeProblem(level, date(10 * DAY + 1), NOW)).toBe("after_expiry");
  });
  it("lets lifetime access end at any future time, and needs the level", () => {
    expect(revokeProblem({ expires_at: null }, date(3650 * DAY), NOW)).toBeNull();
    expect(revokeProblem(undefined, null, NOW)).toBe("missing_level");
  });
});

describe("grantShortensAccess", () => {
  it("warns when current access lasts longer than the grant", () => {
    expect(grantShortensAccess({ expires_at: iso(30 * DAY) }, date(7 * DAY), NOW)).toBe(true);
    expect(grantShortensAccess({ expires_at: null }, date(365 * DAY), NOW)).toBe(true);
  });
  it("does not warn for a longer grant, a lifetime grant, no current level or an ended one", () => {
    expect(grantShortensAccess({ expires_at: iso(3 * DAY) }, date(7 * DAY), NOW)).toBe(false);
    expect(grantShortensAccess({ expires_at: iso(30 * DAY) }, null, NOW)).toBe(false);
    expect(grantShortensAccess(undefined, date(DAY), NOW)).toBe(false);
    expect(grantShortensAccess({ expires_at: iso(-DAY) }, date(DAY), NOW)).toBe(false);
  });
});
