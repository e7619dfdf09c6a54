import { describe, expect, it } from "vitest";
import type { AccessLevel } from "@/lib/adapty/types";
import { grant, revoke } from "./access-levels";
import { adaptyTime, parseAdaptyTime } from "./model";

const NOW = Date.parse("2026-11-22T12:00:00Z");
const DAY = 86_400_000;

const level = (overrides: Partial<AccessLevel> = {}): AccessLevel => ({
  access_level_id: "premium",
  store: "app_store",
  store_product_id: "monthly",
  purchased_at: adaptyTime(NOW - 10 * DAY),
  originally_purchased_at: adaptyTime(NOW - 100 * DAY),
  starts_at: null,
  expires_at: adaptyTime(NOW + 20 * DAY),
  renewal_cancelled_at: null,
  cancellation_reason: null,
  ...overrides,
});

describe("grant", () => {
  it("replaces a level the profile already has, keeping its original purchase date", () => {
    const outcome = grant([level()], { accessLevelId: "premium", startsAt: null, expiresAt: NOW + 5 * DAY }, NOW);
    if (!outcome.ok) throw new Error("refused");
    expect(outcome.levels).toHaveLength(1);
    expect(outcome.levels[0]).toMatchObject({
      store: "adapty",
      expires_at: adaptyTime(NOW + 5 * DAY),
      originally_purchased_at: adaptyTime(NOW - 100 * DAY),
    });
  });

  it("refuses an expiry not after the start", () => {
    const outcome = grant([], { accessLevelId: "premium", startsAt: NOW + DAY, expiresAt: NOW + DAY }, NOW);
    expect(outcome).toMatchObject({ ok: false, errorCode: "validation_error", errors: [{ source: "expires_at" }] });
  });
});

describe("revoke", () => {
  const revokeAt = (time: number | null, levels = [level()]) =>
    revoke(levels, { accessLevelId: "premium", revokeAt: time }, "p-1", NOW);

  it("ends access now when no time is given", () => {
    const outcome = revokeAt(null);
    expect(outcome.ok && parseAdaptyTime(outcome.levels[0]?.expires_at ?? "")).toBe(NOW);
  });

  it("moves the expiry to a future time up to and including the current expiry", () => {
    const outcome = revokeAt(NOW + 20 * DAY);
    expect(outcome.ok && outcome.levels[0]?.expires_at).toBe(adaptyTime(NOW + 20 * DAY));
  });

  it("refuses a time after the current expiry", () => {
    expect(revokeAt(NOW + 20 * DAY + 1)).toMatchObject({
      ok: false,
      errorCode: "revocation_date_more_than_expiration_date",
    });
  });

  it("refuses the present and the past", () => {
    expect(revokeAt(NOW)).toMatchObject({ ok: false, errorCode: "value_error" });
    expect(revokeAt(NOW - 1)).toMatchObject({ ok: false, errorCode: "value_error" });
  });

  it("allows any future time on lifetime access", () => {
    expect(revokeAt(NOW + 3650 * DAY, [level({ expires_at: null })]).ok).toBe(true);
  });

  it("does not extend an access level that already ended", () => {
    const ended = level({ expires_at: adaptyTime(NOW - DAY) });
    const outcome = revokeAt(null, [ended]);
    expect(outcome.ok && outcome.levels[0]?.expires_at).toBe(adaptyTime(NOW - DAY));
  });

  it("refuses a level the profile does not have", () => {
    expect(revokeAt(null, [])).toMatchObject({
      ok: false,
      errorCode: "profile_paid_access_level_does_not_exist",
      errors: [{ errors: ["Profile `p-1` has no `premium` access level"] }],
    });
  });
});
