import { describe, expect, it } from "vitest";
import { CLOCK_CHANGE_GRACE_MS, exceededLimits } from "./evaluate";
import type { RolePolicy } from "./settings";

const DAY = 86_400_000;
const NOW = Date.parse("2026-12-02T10:00:00Z");
const agent: RolePolicy = { maxDays: 93, levels: ["premium", "pro"], lifetime: false, dailyCap: 3 };
const grant = (days: number | null, extra: Partial<{ startsAt: number; accessLevelId: string }> = {}) => ({
  accessLevelId: extra.accessLevelId ?? "premium",
  startsAt: extra.startsAt ?? null,
  expiresAt: days === null ? null : (extra.startsAt ?? NOW) + days,
});

describe("exceededLimits", () => {
  it("allows a grant of exactly the longest period, clock change included", () => {
    expect(exceededLimits(agent, grant(93 * DAY), NOW)).toEqual([]);
    expect(exceededLimits(agent, grant(93 * DAY + CLOCK_CHANGE_GRACE_MS), NOW)).toEqual([]);
  });

  it("refuses a grant a minute longer than that", () => {
    expect(exceededLimits(agent, grant(93 * DAY + CLOCK_CHANGE_GRACE_MS + 60_000), NOW)).toEqual([
      { kind: "duration", maxDays: 93 },
    ]);
  });

  it("counts a later start's period from that start, not from now", () => {
    const later = NOW + 30 * DAY;
    expect(exceededLimits(agent, grant(93 * DAY, { startsAt: later }), NOW)).toEqual([]);
    expect(exceededLimits(agent, grant(94 * DAY, { startsAt: later }), NOW)).toEqual([
      { kind: "duration", maxDays: 93 },
    ]);
  });

  it("refuses lifetime unless the role may give it, whatever the longest period", () => {
    expect(exceededLimits(agent, grant(null), NOW)).toEqual([{ kind: "lifetime" }]);
    expect(exceededLimits({ ...agent, lifetime: true }, grant(null), NOW)).toEqual([]);
  });

  it("refuses a level the role may not grant, naming the ones it may", () => {
    expect(exceededLimits(agent, grant(DAY, { accessLevelId: "vip" }), NOW)).toEqual([
      { kind: "level", allowed: ["premium", "pro"] },
    ]);
    expect(exceededLimits({ ...agent, levels: null }, grant(DAY, { accessLevelId: "vip" }), NOW)).toEqual([]);
  });

  it("reaches the daily cap at the cap-th grant of the day, and judges it only when told the count", () => {
    expect(exceededLimits(agent, grant(DAY), NOW, 2)).toEqual([]);
    expect(exceededLimits(agent, grant(DAY), NOW, 3)).toEqual([{ kind: "dailyCap", cap: 3 }]);
    expect(exceededLimits(agent, grant(DAY), NOW)).toEqual([]);
  });

  it("lists every limit a grant goes beyond", () => {
    expect(exceededLimits(agent, grant(null, { accessLevelId: "vip" }), NOW, 9).map((limit) => limit.kind)).toEqual([
      "level",
      "lifetime",
      "dailyCap",
    ]);
  });

  it("has no limits where the policy sets none", () => {
    const open: RolePolicy = { maxDays: null, levels: null, lifetime: true, dailyCap: null };
    expect(exceededLimits(open, grant(null, { accessLevelId: "anything" }), NOW, 10_000)).toEqual([]);
    expect(exceededLimits(open, grant(3650 * DAY), NOW)).toEqual([]);
  });
});
