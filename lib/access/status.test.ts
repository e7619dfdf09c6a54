import { describe, expect, it } from "vitest";
import { deriveAccessStatus, grantsAccess, parseAdaptyDate, sortByStatus } from "./status";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString().replace("Z", "+00:00");
const DAY = 86_400_000;

describe("deriveAccessStatus", () => {
  it.each([
    ["starts later", { starts_at: at(1), expires_at: at(DAY) }, "scheduled"],
    ["starts exactly now", { starts_at: at(0), expires_at: at(DAY) }, "active"],
    ["expires exactly now", { expires_at: at(0) }, "expired"],
    ["expires a millisecond from now", { expires_at: at(1) }, "active"],
    ["expired", { expires_at: at(-DAY) }, "expired"],
    ["null expiry", { expires_at: null }, "lifetime"],
    ["null expiry, starting later", { starts_at: at(DAY), expires_at: null }, "scheduled"],
    [
      "grace period with the expiry passed",
      { expires_at: at(-DAY), is_in_grace_period: true, billing_issue_detected_at: at(-2 * DAY) },
      "grace_period",
    ],
    [
      "grace period before the expiry",
      { expires_at: at(DAY), is_in_grace_period: true, billing_issue_detected_at: at(-DAY) },
      "grace_period",
    ],
    ["billing issue, expired", { expires_at: at(-DAY), billing_issue_detected_at: at(-2 * DAY) }, "billing_issue"],
    ["billing issue, still paid", { expires_at: at(DAY), billing_issue_detected_at: at(-DAY) }, "billing_issue"],
    ["renewal cancelled, still active", { expires_at: at(DAY), renewal_cancelled_at: at(-DAY) }, "renewal_cancelled"],
    ["renewal cancelled and expired", { expires_at: at(-DAY), renewal_cancelled_at: at(-2 * DAY) }, "expired"],
    [
      "revoked at a later time",
      { expires_at: at(DAY), renewal_cancelled_at: at(-1), cancellation_reason: "adapty_revoked" },
      "revoke_scheduled",
    ],
    [
      "revoked, and that time has come",
      { expires_at: at(-1), renewal_cancelled_at: at(-DAY), cancellation_reason: "adapty_revoked" },
      "expired",
    ],
  ] as const)("%s → %s", (_name, level, expected) => {
    expect(deriveAccessStatus(level, NOW)).toBe(expected);
  });

  it("reads the +0000 offset form too", () => {
    expect(parseAdaptyDate("2026-11-22T12:00:00.000000+0000")).toBe(NOW);
    expect(deriveAccessStatus({ expires_at: "2026-11-22T12:00:00+0000" }, NOW)).toBe("expired");
  });
});

describe("grantsAccess", () => {
  it("is true while paid or in grace, false when scheduled, expired or billing failed", () => {
    const check = (level: Parameters<typeof deriveAccessStatus>[0]) =>
      grantsAccess(deriveAccessStatus(level, NOW), level, NOW);
    expect(check({ expires_at: at(DAY) })).toBe(true);
    expect(check({ expires_at: at(-DAY), is_in_grace_period: true })).toBe(true);
    expect(check({ expires_at: at(DAY), billing_issue_detected_at: at(-DAY) })).toBe(true);
    expect(check({ expires_at: at(-DAY), billing_issue_detected_at: at(-DAY) })).toBe(false);
    expect(check({ starts_at: at(DAY), expires_at: null })).toBe(false);
  });
});

describe("sortByStatus", () => {
  it("puts current access first, then scheduled, then ended", () => {
    const levels = [
      { id: "expired", expires_at: at(-DAY) },
      { id: "scheduled", starts_at: at(DAY), expires_at: at(2 * DAY) },
      { id: "short", expires_at: at(DAY) },
      { id: "lifetime", expires_at: null },
    ];
    expect(sortByStatus(levels, NOW).map((level) => level.id)).toEqual(["lifetime", "short", "scheduled", "expired"]);
  });
});
