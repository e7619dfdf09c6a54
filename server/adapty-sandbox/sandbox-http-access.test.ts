import { describe, expect, it } from "vitest";
import { parseAdaptyTime } from "./model";
import { DAY, live, control, received, failure, clientWith, withStandaloneSandbox } from "./sandbox-http-kit";

// The real client against the standalone sandbox over real HTTP: access levels and faults.
withStandaloneSandbox();

describe("access levels", () => {
  const user = { customerUserId: "demo-no-access" };

  it("grants for a period, scheduled, and for life", async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY);
    const granted = await live.adapty.grantAccessLevel(user, { accessLevelId: "premium", expiresAt });
    const level = granted.value.access_levels.find((l) => l.access_level_id === "premium");
    expect(parseAdaptyTime(level?.expires_at ?? "")).toBe(expiresAt.getTime());

    const startsAt = new Date(Date.now() + 5 * DAY);
    const scheduled = await live.adapty.grantAccessLevel(user, { accessLevelId: "pro", startsAt, expiresAt });
    expect(
      parseAdaptyTime(scheduled.value.access_levels.find((l) => l.access_level_id === "pro")?.starts_at ?? ""),
    ).toBe(startsAt.getTime());

    const lifetime = await live.adapty.grantAccessLevel(user, { accessLevelId: "ad_free", expiresAt: null });
    expect(lifetime.value.access_levels.find((l) => l.access_level_id === "ad_free")?.expires_at).toBeNull();
  });

  it("accepts an expiry in the past", async () => {
    const granted = await live.adapty.grantAccessLevel(user, {
      accessLevelId: "premium",
      expiresAt: new Date(Date.now() - DAY),
    });
    expect(granted.value.access_levels).toHaveLength(1);
  });

  it("refuses an access level the app does not have", async () => {
    const error = await failure(live.adapty.grantAccessLevel(user, { accessLevelId: "gold", expiresAt: null }));
    expect(error).toMatchObject({ status: 400, errorCode: "paid_access_level_does_not_exist" });
    expect(error.formErrors).toEqual(["Paid access level `gold` does not exist"]);
  });

  it("revokes now, or moves the expiry to a later time", async () => {
    const renewing = { customerUserId: "demo-active-renewing" };
    const later = new Date(Date.now() + 2 * DAY);
    const shortened = await live.adapty.revokeAccessLevel(renewing, { accessLevelId: "premium", revokeAt: later });
    expect(parseAdaptyTime(shortened.value.access_levels[0]?.expires_at ?? "")).toBe(later.getTime());

    const before = Date.now();
    const revoked = await live.adapty.revokeAccessLevel(renewing, { accessLevelId: "premium" });
    const expiry = parseAdaptyTime(revoked.value.access_levels[0]?.expires_at ?? "");
    expect(expiry).toBeGreaterThanOrEqual(before - 1);
    expect(expiry).toBeLessThanOrEqual(Date.now());
    expect(revoked.value.access_levels[0]?.cancellation_reason).toBe("adapty_revoked");
  });

  it("refuses revokes Adapty refuses, on the field they concern", async () => {
    const renewing = { customerUserId: "demo-active-renewing" };
    const tooLate = await failure(
      live.adapty.revokeAccessLevel(renewing, { accessLevelId: "premium", revokeAt: new Date(Date.now() + 400 * DAY) }),
    );
    expect(tooLate.errorCode).toBe("revocation_date_more_than_expiration_date");
    expect(Object.keys(tooLate.fieldErrors)).toEqual(["revoke_at"]);

    const past = await failure(
      live.adapty.revokeAccessLevel(renewing, { accessLevelId: "premium", revokeAt: new Date(Date.now() - DAY) }),
    );
    expect(past.errorCode).toBe("value_error");

    const lacking = await failure(live.adapty.revokeAccessLevel(user, { accessLevelId: "premium" }));
    expect(lacking.errorCode).toBe("profile_paid_access_level_does_not_exist");
  });

  it("answers grant and revoke for an unknown profile with 404", async () => {
    const error = await failure(
      live.adapty.grantAccessLevel({ customerUserId: "nobody" }, { accessLevelId: "premium", expiresAt: null }),
    );
    expect(error.kind).toBe("not_found");
  });
});

describe("faults", () => {
  it("retries a read through 503s and a dropped connection", async () => {
    await control("POST", "faults", { failNext: { count: 1, status: 503 }, dropNext: { count: 1 } });
    const answer = await live.adapty.getProfile({ customerUserId: "demo-lifetime" });
    expect(answer.attempts).toBe(3);
    expect((await received()).map((r) => r.path)).toHaveLength(3);
  });

  it("retries after 429 with Retry-After, in seconds and as a date", async () => {
    await control("POST", "faults", { rateLimitNext: { count: 1, retryAfterSeconds: 1 } });
    const started = Date.now();
    await live.adapty.getProfile({ customerUserId: "demo-lifetime" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await control("POST", "faults", { rateLimitNext: { count: 1, retryAfterSeconds: 1, asHttpDate: true } });
    expect((await live.adapty.getProfile({ customerUserId: "demo-lifetime" })).attempts).toBe(2);
  });

  it("does not retry a grant that hung: one request, outcome unknown", async () => {
    await control("POST", "faults", { hangNext: { count: 1 } });
    const error = await failure(
      clientWith({ timeoutMs: 300 }).grantAccessLevel(
        { customerUserId: "demo-no-access" },
        { accessLevelId: "premium", expiresAt: null },
      ),
    );
    expect(error).toMatchObject({ kind: "timeout", outcomeUnknown: true });
    expect(await received()).toHaveLength(1);
    expect((await live.adapty.getProfile({ customerUserId: "demo-no-access" })).value.access_levels).toEqual([]);
  });

  it("reports a change whose answer was lost after it was applied as unknown, and the re-read shows it", async () => {
    await control("POST", "faults", { dropNext: { count: 1, when: "after" } });
    const error = await failure(
      live.adapty.grantAccessLevel({ customerUserId: "demo-no-access" }, { accessLevelId: "premium", expiresAt: null }),
    );
    expect(error).toMatchObject({ kind: "unavailable", outcomeUnknown: true });
    expect((await live.adapty.getProfile({ customerUserId: "demo-no-access" })).value.access_levels).toHaveLength(1);
  });

  it("reports a 500 on a change as failed, not unknown, without retrying", async () => {
    await control("POST", "faults", { failNext: { count: 1, status: 500 } });
    const error = await failure(
      live.adapty.revokeAccessLevel({ customerUserId: "demo-lifetime" }, { accessLevelId: "premium" }),
    );
    expect(error).toMatchObject({ kind: "unavailable", status: 500, errorCode: "server_error", outcomeUnknown: false });
    expect(await received()).toHaveLength(1);
  });

  it("times out a slow read within the budget", async () => {
    await control("POST", "faults", { latencyMs: 400 });
    const error = await failure(clientWith({ timeoutMs: 150 }).getProfile({ customerUserId: "demo-lifetime" }));
    expect(error.kind).toBe("timeout");
  });

  it("limits a fault to the methods named, and delays an answer that still arrives", async () => {
    await control("POST", "faults", { delayNext: { count: 1, ms: 300, methods: ["POST"] } });
    await live.adapty.getProfile({ customerUserId: "demo-no-access" }); // a GET: untouched
    const granted = await live.adapty.grantAccessLevel(
      { customerUserId: "demo-no-access" },
      { accessLevelId: "premium", expiresAt: null },
    );
    expect(granted.value.access_levels).toHaveLength(1); // slow, but processed and answered
    expect((await received()).map((r) => `${r.method} ${r.fault ?? "-"}`)).toEqual(["GET -", "POST delay"]);
  });

  it("refuses a malformed fault description", async () => {
    const answer = await control("POST", "faults", { failNext: { count: 0, status: 200 } });
    expect(answer.status).toBe(400);
    expect(String(answer.body.error)).toContain("failNext");
  });
});

describe("contract", () => {
  it("every answer above conformed to Adapty's OpenAPI file", () => {
    expect(live.violations).toEqual([]);
  });
});
