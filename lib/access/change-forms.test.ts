import { describe, expect, it } from "vitest";
import {
  grantDefaults,
  grantFormSchema,
  grantRequest,
  revokeDefaults,
  revokeFormSchema,
  revokeRequest,
} from "./change-forms";

const profileId = "9c1e5a70-0000-4000-8000-000000000001";
const idempotencyKey = "4b8a6c9e-1f2d-4e3a-9b7c-5d6e7f8a9b0c";
const now = new Date("2026-03-10T12:00:00Z");
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("the grant form", () => {
  const defaults = grantDefaults(now, "Europe/Berlin", ["premium", "pro"], "ZD-1");

  it("starts now, for a month, on the first configured level, with the deep link's ticket", () => {
    expect(defaults).toMatchObject({ accessLevelId: "premium", startLater: false, preset: "1m", ticket: "ZD-1" });
    expect(grantRequest(defaults, { profileId, now, idempotencyKey })).toEqual({
      profileId,
      accessLevelId: "premium",
      startsAt: null,
      expiresAt: "2026-04-10T11:00:00.000Z", // the same wall-clock time in Berlin, after the change to summer time
      reason: "",
      ticket: "ZD-1",
      idempotencyKey,
    });
  });

  it("puts the action schema's messages on the form's fields", () => {
    const schema = grantFormSchema({ profileId, now: new Date() });
    expect(issues(schema.safeParse(defaults))).toEqual([["reason", "reasonRequired"]]);
    const past = { ...defaults, reason: "r", startLater: true, startsAt: { date: "2020-01-01", time: "10:00" } };
    expect(issues(schema.safeParse(past))).toEqual([["startsAt", "startInPast"]]);
    const exact = {
      ...defaults,
      reason: "r",
      preset: "exact" as const,
      expiresAt: { date: "2020-01-01", time: "10:00" },
    };
    expect(issues(schema.safeParse(exact))).toEqual([["expiresAt", "expiryBeforeStart"]]);
  });

  it("a lifetime grant never ends", () => {
    expect(grantRequest({ ...defaults, preset: "lifetime" }, { profileId, now, idempotencyKey }).expiresAt).toBeNull();
  });
});

describe("the revoke form", () => {
  const level = { access_level_id: "premium", expires_at: "2099-01-01T00:00:00+00:00" };

  it("ends access now by default", () => {
    const values = { ...revokeDefaults(level, now, "UTC"), reason: "refund" };
    expect(revokeRequest(values, { profileId, idempotencyKey })).toMatchObject({
      accessLevelId: "premium",
      revokeAt: null,
    });
    expect(revokeFormSchema({ profileId, level }).safeParse(values).success).toBe(true);
  });

  it("refuses a time after the current expiry on its field, before anything is sent", () => {
    const soon = { access_level_id: "premium", expires_at: new Date(Date.now() + 86_400_000).toISOString() };
    const later = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const values = {
      ...revokeDefaults(soon, new Date(), "UTC"),
      reason: "too late",
      later: true,
      revokeAt: { date: later.slice(0, 10), time: "10:00" },
    };
    expect(issues(revokeFormSchema({ profileId, level: soon }).safeParse(values))).toEqual([
      ["revokeAt", "after_expiry"],
    ]);
  });
});
