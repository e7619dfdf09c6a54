import { describe, expect, it } from "vitest";
import { lastChangeOf } from "./last-change";

const at = new Date("2026-12-02T05:00:00Z");

describe("the last change an audit row records", () => {
  it("a grant ends when Adapty held it to end afterwards", () => {
    const row = {
      action: "access_level.granted",
      occurredAt: at,
      params: { access_level_id: "premium", expires_at: "2027-01-01T00:00:00.000Z" },
      accessAfter: { access_level_id: "premium", expires_at: "2027-01-06T10:00:00+00:00" },
    };
    expect(lastChangeOf(row)).toEqual({
      kind: "granted",
      at,
      accessLevelId: "premium",
      endsAt: new Date("2027-01-06T10:00:00Z"),
    });
  });

  it("a lifetime grant has no end; a grant without the after falls back on what was asked", () => {
    const lifetime = { action: "access_level.granted", occurredAt: at, params: { access_level_id: "pro" } };
    expect(lastChangeOf({ ...lifetime, accessAfter: { expires_at: null } })?.endsAt).toBeNull();
    const asked = { ...lifetime, params: { access_level_id: "pro", expires_at: "2027-02-01T00:00:00Z" } };
    expect(lastChangeOf({ ...asked, accessAfter: null })?.endsAt).toEqual(new Date("2027-02-01T00:00:00Z"));
  });

  it("a revoke takes effect at once unless a later time was asked for", () => {
    const row = { action: "access_level.revoked", occurredAt: at, accessAfter: null };
    expect(lastChangeOf({ ...row, params: { access_level_id: "premium", revoke_at: null } })?.endsAt).toEqual(at);
    const later = { access_level_id: "premium", revoke_at: "2026-12-20T00:00:00Z" };
    expect(lastChangeOf({ ...row, params: later })).toMatchObject({
      kind: "revoked",
      endsAt: new Date("2026-12-20T00:00:00Z"),
    });
  });

  it("is none for any other row", () => {
    expect(
      lastChangeOf({ action: "profile.updated", occurredAt: at, params: { access_level_id: "x" }, accessAfter: null }),
    ).toBeNull();
    expect(
      lastChangeOf({ action: "access_level.granted", occurredAt: at, params: null, accessAfter: null }),
    ).toBeNull();
  });
});
