import { describe, expect, it } from "vitest";
import { accessLost, revokeProblem } from "./rules";

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

describe("accessLost", () => {
  const grant = (startsIn: number | null, endsIn: number | null) => ({
    startsAt: startsIn === null ? null : date(startsIn),
    expiresAt: endsIn === null ? null : date(endsIn),
  });

  it("a grant that starts later takes away the access the customer has until it starts", () => {
    // Premium until Jan 14; "from Dec 10 for 3 months", asked on Dec 1.
    expect(accessLost({ expires_at: iso(53 * DAY) }, grant(18 * DAY, 108 * DAY), NOW)).toEqual([
      { why: "starts_later", from: NOW, until: NOW + 18 * DAY },
    ]);
    // Current access ending before the grant starts is lost only while it lasted.
    expect(accessLost({ expires_at: iso(3 * DAY) }, grant(7 * DAY, 30 * DAY), NOW)).toEqual([
      { why: "starts_later", from: NOW, until: NOW + 3 * DAY },
    ]);
  });

  it("judges lifetime access as never ending: a grant with an end, or a later start, takes some away", () => {
    expect(accessLost({ expires_at: null }, grant(null, 7 * DAY), NOW)).toEqual([
      { why: "ends_earlier", from: NOW + 7 * DAY, until: null },
    ]);
    expect(accessLost({ expires_at: null }, grant(DAY, null), NOW)).toEqual([
      { why: "starts_later", from: NOW, until: NOW + DAY },
    ]);
    expect(accessLost({ expires_at: null }, grant(null, null), NOW)).toEqual([]);
  });

  it("a later start that also ends sooner loses both ends", () => {
    expect(accessLost({ expires_at: iso(30 * DAY) }, grant(2 * DAY, 9 * DAY), NOW)).toEqual([
      { why: "starts_later", from: NOW, until: NOW + 2 * DAY },
      { why: "ends_earlier", from: NOW + 9 * DAY, until: NOW + 30 * DAY },
    ]);
  });

  it("counts access that is due to start as the customer's", () => {
    const scheduled = { starts_at: iso(5 * DAY), expires_at: iso(35 * DAY) };
    expect(accessLost(scheduled, grant(null, 7 * DAY), NOW)).toEqual([
      { why: "ends_earlier", from: NOW + 7 * DAY, until: NOW + 35 * DAY },
    ]);
    expect(accessLost(scheduled, grant(10 * DAY, 40 * DAY), NOW)).toEqual([
      { why: "starts_later", from: NOW + 5 * DAY, until: NOW + 10 * DAY },
    ]);
  });

  it("takes nothing from a longer grant from now, no level, or access that has ended", () => {
    expect(accessLost({ expires_at: iso(3 * DAY) }, grant(null, 7 * DAY), NOW)).toEqual([]);
    expect(accessLost({ expires_at: iso(30 * DAY) }, grant(null, null), NOW)).toEqual([]);
    expect(accessLost(undefined, grant(DAY, 2 * DAY), NOW)).toEqual([]);
    expect(accessLost({ expires_at: iso(-DAY) }, grant(DAY, 2 * DAY), NOW)).toEqual([]);
  });

  it("in a grace period after the paid period, a later start still leaves a gap", () => {
    const grace = { expires_at: iso(-DAY), is_in_grace_period: true };
    expect(accessLost(grace, grant(2 * DAY, 30 * DAY), NOW)).toEqual([
      { why: "starts_later", from: NOW, until: NOW + 2 * DAY },
    ]);
    expect(accessLost(grace, grant(null, 30 * DAY), NOW)).toEqual([]);
  });
});
