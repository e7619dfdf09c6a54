import { describe, expect, it } from "vitest";
import { changedSince, levelFingerprint, undoPlan } from "./plan";

const NOW = Date.parse("2026-06-01T12:00:00Z");
const at = (days: number) => new Date(NOW + days * 86_400_000).toISOString();
const level = (fields: Record<string, unknown>) => ({ access_level_id: "premium", store: "adapty", ...fields });

describe("what an undo sends", () => {
  it("revokes now a grant made over nothing", () => {
    expect(undoPlan(null, NOW)).toEqual({ kind: "revoke" });
  });

  it("revokes now a grant made over access that had already ended", () => {
    expect(undoPlan(level({ starts_at: at(-40), expires_at: at(-10) }), NOW)).toEqual({ kind: "revoke" });
  });

  it("grants back exactly the earlier expiry of a grant that extended existing access", () => {
    expect(undoPlan(level({ starts_at: at(-5), expires_at: "2026-06-08T12:00:00.000+00:00" }), NOW)).toEqual({
      kind: "grant",
      startsAt: null,
      expiresAt: "2026-06-08T12:00:00.000Z",
    });
  });

  it("grants lifetime back after a grant (or revoke) over lifetime access", () => {
    expect(undoPlan(level({ starts_at: at(-100), expires_at: null }), NOW)).toEqual({
      kind: "grant",
      startsAt: null,
      expiresAt: null,
    });
  });

  it("undoes a revoke now by granting the expiry the level had", () => {
    expect(undoPlan(level({ expires_at: at(20) }), NOW)).toEqual({ kind: "grant", startsAt: null, expiresAt: at(20) });
  });

  it("undoes a scheduled revoke by granting the expiry it shortened, keeping a start still to come", () => {
    expect(undoPlan(level({ starts_at: at(2), expires_at: at(30) }), NOW)).toEqual({
      kind: "grant",
      startsAt: at(2),
      expiresAt: at(30),
    });
  });

  it("undoes an undo the same way: from what that undo found", () => {
    // An undo of a grant over nothing revoked now; its own "before" was the granted level.
    const undoOfGrant = level({ starts_at: at(-1), expires_at: at(7) });
    expect(undoPlan(undoOfGrant, NOW)).toEqual({ kind: "grant", startsAt: null, expiresAt: at(7) });
  });

  it("grants nothing on an expiry it cannot read", () => {
    expect(undoPlan(level({ expires_at: "soon" }), NOW)).toEqual({ kind: "revoke" });
  });
});

describe("what changed since the undone change", () => {
  const after = level({ starts_at: at(-1), expires_at: at(30), renewal_cancelled_at: null });

  it("is nothing when Adapty holds what the change left", () => {
    expect(changedSince(after, { ...after })).toEqual([]);
    expect(levelFingerprint(after)).toBe(levelFingerprint({ ...after, store_product_id: "ignored" }));
  });

  it("names a moved expiry, from and to", () => {
    const changes = changedSince(after, { ...after, expires_at: at(60) });
    expect(changes.map((row) => row.field)).toEqual(["expires"]);
    expect(changes[0]?.before).toEqual({ kind: "time", value: new Date(at(30)) });
    expect(changes[0]?.after).toEqual({ kind: "time", value: new Date(at(60)) });
    expect(levelFingerprint({ ...after, expires_at: at(60) })).not.toBe(levelFingerprint(after));
  });

  it("names a level gone, and one that appeared", () => {
    expect(changedSince(after, null).map((row) => row.field)).toEqual(["level", "starts", "expires", "willRenew"]);
    expect(changedSince(null, after).map((row) => row.field)).toContain("level");
    expect(levelFingerprint(null)).toBe("none");
  });

  it("sees a start moved and a renewal that stopped, and ignores the store's other fields", () => {
    const store = { ...after, store: "app_store" };
    expect(changedSince(store, { ...store, renewal_cancelled_at: at(0) }).map((row) => row.field)).toEqual([
      "willRenew",
    ]);
    expect(changedSince(after, { ...after, starts_at: at(-2), store_product_id: "x" }).map((row) => row.field)).toEqual(
      ["starts"],
    );
  });
});
