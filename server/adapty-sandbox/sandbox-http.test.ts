import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAdaptyClient, type AdaptyClient } from "@/server/adapty/client";
import { AdaptyError } from "@/server/adapty/errors";
import { contractCheckedFetch } from "@/server/adapty/openapi/contract";
import { parseAdaptyTime } from "./model";
import { startStandaloneSandbox } from "./standalone";

// The real client against the standalone sandbox over real HTTP. Every answer is also
// checked against Adapty's OpenAPI file (see the last test).
const KEY = "secret_test_sandbox_key";
const DAY = 86_400_000;
let sandbox: Awaited<ReturnType<typeof startStandaloneSandbox>>;
let adapty: AdaptyClient;
const violations: string[] = [];

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method,
    headers: { Authorization: `Api-Key ${KEY}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const received = async () =>
  (await control("GET", "requests")).body.requests as {
    method: string;
    path: string;
    status: number | null;
    fault: string | null;
  }[];

async function failure(promise: Promise<unknown>): Promise<AdaptyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdaptyError);
  return error as AdaptyError;
}

function clientWith(options: { timeoutMs?: number; secretKey?: string } = {}) {
  return createAdaptyClient({
    apiUrl: sandbox.url,
    secretKey: options.secretKey ?? KEY,
    timeoutMs: options.timeoutMs ?? 2_000,
    fetch: contractCheckedFetch(fetch, violations),
  });
}

beforeAll(async () => {
  sandbox = await startStandaloneSandbox({ port: 0, apiKey: KEY, dataDir: undefined });
  adapty = clientWith();
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await control("POST", "reset");
});

describe("profiles", () => {
  it("refuses a missing or wrong key with 401 not_authenticated", async () => {
    const error = await failure(
      clientWith({ secretKey: "wrong-key" }).getProfile({ customerUserId: "demo-no-access" }),
    );
    expect(error).toMatchObject({ kind: "key_rejected", status: 401, errorCode: "not_authenticated" });
    const response = await fetch(`${sandbox.url}/api/v2/server-side-api/profile/`, {
      headers: { "adapty-customer-user-id": "x" },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ source: "non_field_errors", errors: ["Authentication credentials were not provided."] }],
      error_code: "not_authenticated",
      status_code: 401,
    });
  });

  it("creates, reads by either id, updates partially, deletes, then 404s", async () => {
    const created = await adapty.createProfile(
      { customerUserId: "new-customer" },
      {
        first_name: "Ana",
        email: "ana@example.com",
        custom_attributes: [
          { key: "tier", value: "gold" },
          { key: "score", value: 7 },
        ],
        installation_meta: { device_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", platform: "iOS" },
      },
    );
    const profile = created.value;
    expect(created.status).toBe(200);
    expect(created.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(profile.customer_user_id).toBe("new-customer");
    expect(profile.profile_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(profile.timestamp - Date.now())).toBeLessThan(5_000);
    expect((await adapty.getProfile({ profileId: profile.profile_id })).value.customer_user_id).toBe("new-customer");

    const updated = await adapty.updateProfile(
      { customerUserId: "new-customer" },
      {
        last_name: "Lopez",
        custom_attributes: [
          { key: "tier", value: "platinum" },
          { key: "score", value: null },
        ],
      },
    );
    expect(updated.value.custom_attributes).toEqual([{ key: "tier", value: "platinum" }]);
    const stored = (await control("GET", `profiles/${profile.profile_id}`)).body;
    expect(stored.fields).toEqual({ first_name: "Ana", last_name: "Lopez", email: "ana@example.com" });

    expect((await adapty.deleteProfile({ customerUserId: "new-customer" })).status).toBe(204);
    expect((await failure(adapty.getProfile({ customerUserId: "new-customer" }))).kind).toBe("not_found");
  });

  it("answers an unknown user with 404 profile_does_not_exist", async () => {
    const error = await failure(adapty.getProfile({ customerUserId: "nobody" }));
    expect(error).toMatchObject({ kind: "not_found", status: 404, errorCode: "profile_does_not_exist" });
  });

  it("keeps non-Latin customer user ids intact", async () => {
    await adapty.createProfile({ customerUserId: "顧客/été 42" });
    expect((await adapty.getProfile({ customerUserId: "顧客/été 42" })).value.customer_user_id).toBe("顧客/été 42");
    expect(
      (await adapty.getProfile({ customerUserId: "team/alpha user+é@example.com" })).value.access_levels,
    ).toHaveLength(1);
  });

  it("returns the existing profile when a customer user id is created twice", async () => {
    const first = await adapty.createProfile({ customerUserId: "twice" });
    const second = await adapty.createProfile({ customerUserId: "twice" });
    expect(second.value.profile_id).toBe(first.value.profile_id);
  });

  it.each([
    [{ email: "not-an-email" }, "email"],
    [{ gender: "x" }, "gender"],
    [{ birthday: "2000-02-30" }, "birthday"],
    [{ store_account_token: "not-a-uuid" }, "store_account_token"],
    [{ installation_meta: { device_id: "nope" } }, "installation_meta.device_id"],
    [{ custom_attributes: Array.from({ length: 31 }, (_, i) => ({ key: `k${i}`, value: i })) }, "custom_attributes"],
    [{ custom_attributes: [{ key: "x".repeat(31), value: "v" }] }, "custom_attributes.0.key"],
    [{ custom_attributes: [{ key: "has space", value: "v" }] }, "custom_attributes.0.key"],
    [{ custom_attributes: [{ key: "ok", value: "x".repeat(51) }] }, "custom_attributes.0.value"],
    [{ custom_attributes: [{ key: "ok", value: true }] }, "custom_attributes.0.value"],
  ])("refuses %j with a 400 naming %s, and stores nothing", async (fields, source) => {
    const error = await failure(adapty.createProfile({ customerUserId: "invalid-input" }, fields as never));
    expect(error).toMatchObject({ kind: "invalid_request", status: 400, errorCode: "validation_error" });
    expect(Object.keys(error.fieldErrors)).toContain(source);
    expect((await failure(adapty.getProfile({ customerUserId: "invalid-input" }))).kind).toBe("not_found");
  });

  it("accepts the limits themselves: 30 attributes, 30-character keys, 50-character values", async () => {
    const attributes = Array.from({ length: 30 }, (_, i) => ({
      key: `${"k".repeat(27)}${String(i).padStart(3, "0")}`,
      value: "v".repeat(50),
    }));
    const created = await adapty.createProfile({ customerUserId: "at-the-limits" }, { custom_attributes: attributes });
    expect(created.value.custom_attributes).toHaveLength(30);
  });
});

describe("access levels", () => {
  const user = { customerUserId: "demo-no-access" };

  it("grants for a period, scheduled, and for life", async () => {
    const expiresAt = new Date(Date.now() + 30 * DAY);
    const granted = await adapty.grantAccessLevel(user, { accessLevelId: "premium", expiresAt });
    const level = granted.value.access_levels.find((l) => l.access_level_id === "premium");
    expect(parseAdaptyTime(level?.expires_at ?? "")).toBe(expiresAt.getTime());

    const startsAt = new Date(Date.now() + 5 * DAY);
    const scheduled = await adapty.grantAccessLevel(user, { accessLevelId: "pro", startsAt, expiresAt });
    expect(
      parseAdaptyTime(scheduled.value.access_levels.find((l) => l.access_level_id === "pro")?.starts_at ?? ""),
    ).toBe(startsAt.getTime());

    const lifetime = await adapty.grantAccessLevel(user, { accessLevelId: "ad_free", expiresAt: null });
    expect(lifetime.value.access_levels.find((l) => l.access_level_id === "ad_free")?.expires_at).toBeNull();
  });

  it("accepts an expiry in the past", async () => {
    const granted = await adapty.grantAccessLevel(user, {
      accessLevelId: "premium",
      expiresAt: new Date(Date.now() - DAY),
    });
    expect(granted.value.access_levels).toHaveLength(1);
  });

  it("refuses an access level the app does not have", async () => {
    const error = await failure(adapty.grantAccessLevel(user, { accessLevelId: "gold", expiresAt: null }));
    expect(error).toMatchObject({ status: 400, errorCode: "paid_access_level_does_not_exist" });
    expect(error.formErrors).toEqual(["Paid access level `gold` does not exist"]);
  });

  it("revokes now, or moves the expiry to a later time", async () => {
    const renewing = { customerUserId: "demo-active-renewing" };
    const later = new Date(Date.now() + 2 * DAY);
    const shortened = await adapty.revokeAccessLevel(renewing, { accessLevelId: "premium", revokeAt: later });
    expect(parseAdaptyTime(shortened.value.access_levels[0]?.expires_at ?? "")).toBe(later.getTime());

    const before = Date.now();
    const revoked = await adapty.revokeAccessLevel(renewing, { accessLevelId: "premium" });
    const expiry = parseAdaptyTime(revoked.value.access_levels[0]?.expires_at ?? "");
    expect(expiry).toBeGreaterThanOrEqual(before - 1);
    expect(expiry).toBeLessThanOrEqual(Date.now());
    expect(revoked.value.access_levels[0]?.cancellation_reason).toBe("adapty_revoked");
  });

  it("refuses revokes Adapty refuses, on the field they concern", async () => {
    const renewing = { customerUserId: "demo-active-renewing" };
    const tooLate = await failure(
      adapty.revokeAccessLevel(renewing, { accessLevelId: "premium", revokeAt: new Date(Date.now() + 400 * DAY) }),
    );
    expect(tooLate.errorCode).toBe("revocation_date_more_than_expiration_date");
    expect(Object.keys(tooLate.fieldErrors)).toEqual(["revoke_at"]);

    const past = await failure(
      adapty.revokeAccessLevel(renewing, { accessLevelId: "premium", revokeAt: new Date(Date.now() - DAY) }),
    );
    expect(past.errorCode).toBe("value_error");

    const lacking = await failure(adapty.revokeAccessLevel(user, { accessLevelId: "premium" }));
    expect(lacking.errorCode).toBe("profile_paid_access_level_does_not_exist");
  });

  it("answers grant and revoke for an unknown profile with 404", async () => {
    const error = await failure(
      adapty.grantAccessLevel({ customerUserId: "nobody" }, { accessLevelId: "premium", expiresAt: null }),
    );
    expect(error.kind).toBe("not_found");
  });
});

describe("faults", () => {
  it("retries a read through 503s and a dropped connection", async () => {
    await control("POST", "faults", { failNext: { count: 1, status: 503 }, dropNext: { count: 1 } });
    const answer = await adapty.getProfile({ customerUserId: "demo-lifetime" });
    expect(answer.attempts).toBe(3);
    expect((await received()).map((r) => r.path)).toHaveLength(3);
  });

  it("retries after 429 with Retry-After, in seconds and as a date", async () => {
    await control("POST", "faults", { rateLimitNext: { count: 1, retryAfterSeconds: 1 } });
    const started = Date.now();
    await adapty.getProfile({ customerUserId: "demo-lifetime" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await control("POST", "faults", { rateLimitNext: { count: 1, retryAfterSeconds: 1, asHttpDate: true } });
    expect((await adapty.getProfile({ customerUserId: "demo-lifetime" })).attempts).toBe(2);
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
    expect((await adapty.getProfile({ customerUserId: "demo-no-access" })).value.access_levels).toEqual([]);
  });

  it("reports a change whose answer was lost after it was applied as unknown, and the re-read shows it", async () => {
    await control("POST", "faults", { dropNext: { count: 1, when: "after" } });
    const error = await failure(
      adapty.grantAccessLevel({ customerUserId: "demo-no-access" }, { accessLevelId: "premium", expiresAt: null }),
    );
    expect(error).toMatchObject({ kind: "unavailable", outcomeUnknown: true });
    expect((await adapty.getProfile({ customerUserId: "demo-no-access" })).value.access_levels).toHaveLength(1);
  });

  it("reports a 500 on a change as failed, not unknown, without retrying", async () => {
    await control("POST", "faults", { failNext: { count: 1, status: 500 } });
    const error = await failure(
      adapty.revokeAccessLevel({ customerUserId: "demo-lifetime" }, { accessLevelId: "premium" }),
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
    await adapty.getProfile({ customerUserId: "demo-no-access" }); // a GET: untouched
    const granted = await adapty.grantAccessLevel(
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

describe("controls scoped to one customer", () => {
  const forId = (id: string) => `?for=${encodeURIComponent(id)}`;

  it("copies a demo profile under a new customer user id and profile id, and refuses a bad copy", async () => {
    const copied = await control("POST", "profiles", { customer_user_id: "copy é/1", like: "demo-active-renewing" });
    expect(copied.status).toBe(201);
    expect(copied.body.profile_id).not.toBe("9c1e5a70-0000-4000-8000-000000000002");
    const read = await adapty.getProfile({ customerUserId: "copy é/1" });
    expect(read.value.profile_id).toBe(copied.body.profile_id);
    const demo = await adapty.getProfile({ customerUserId: "demo-active-renewing" });
    // The demo's state (its times are relative to the moment of copying).
    const state = (levels: typeof read.value.access_levels) =>
      levels.map((level) => [
        level.access_level_id,
        level.store,
        level.store_transaction_id,
        level.expires_at !== null,
      ]);
    expect(state(read.value.access_levels)).toEqual(state(demo.value.access_levels));
    expect(read.value.subscriptions).toHaveLength(1);
    expect(read.value.custom_attributes).toEqual(demo.value.custom_attributes);

    const again = await control("POST", "profiles", { customer_user_id: "copy é/1", like: "demo-lifetime" });
    expect(again.status).toBe(409);
    for (const bad of [
      { customer_user_id: "x", like: "no-such-demo" },
      { customer_user_id: "", like: "demo-lifetime" },
      { customer_user_id: "line\nbreak", like: "demo-lifetime" },
      { customer_user_id: "x", like: "demo-lifetime", profile_id: "9c1e5a70-0000-4000-8000-000000000001" },
      { like: "demo-lifetime" },
    ]) {
      const refused = await control("POST", "profiles", bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(String(refused.body.error)).toContain("Invalid profile copy");
    }
    const unauthenticated = await fetch(`${sandbox.url}/__sandbox/profiles`, {
      method: "POST",
      body: JSON.stringify({ customer_user_id: "x", like: "demo-lifetime" }),
    });
    expect(unauthenticated.status).toBe(401);
  });

  it("lists and clears only the requests concerning a customer, however the console named it", async () => {
    const { value: lifetime } = await adapty.getProfile({ customerUserId: "demo-lifetime" });
    await adapty.getProfile({ profileId: lifetime.profile_id });
    await adapty.getProfile({ customerUserId: "demo-no-access" });
    await adapty.createProfile({ customerUserId: "scoped-new" }, {});

    const of = async (id: string) =>
      ((await control("GET", `requests${forId(id)}`)).body.requests as { customerUserId: string | null }[]).length;
    expect(await of("demo-lifetime")).toBe(2); // by customer user id, and by its profile id
    expect(await of(lifetime.profile_id)).toBe(2);
    expect(await of("scoped-new")).toBe(1);
    expect(await received()).toHaveLength(4);

    await control("DELETE", `requests${forId("demo-lifetime")}`);
    expect(await of("demo-lifetime")).toBe(0);
    expect(await received()).toHaveLength(2);
    expect((await control("GET", `requests${forId("line\nbreak")}`)).status).toBe(400);
  });

  it("gives a customer's faults to its requests only, before and instead of the global ones", async () => {
    const { value: lifetime } = await adapty.getProfile({ customerUserId: "demo-lifetime" });
    const scoped = await control("POST", `faults${forId(lifetime.profile_id)}`, {
      failNext: { count: 2, status: 503 },
    });
    expect(scoped.body).toMatchObject({ failNext: { count: 2, status: 503 } });
    await control("POST", "faults", { failNext: { count: 1, status: 500 } });

    // Named by its customer user id, the profile still takes its own faults (and retries through them).
    const read = await adapty.getProfile({ customerUserId: "demo-lifetime" });
    expect(read.attempts).toBe(3);
    expect((await control("GET", `faults${forId(lifetime.profile_id)}`)).body).not.toHaveProperty("failNext");
    // Another customer takes the global fault, which the scoped plan left alone.
    const error = await failure(
      adapty.revokeAccessLevel({ customerUserId: "demo-no-access" }, { accessLevelId: "premium" }),
    );
    expect(error).toMatchObject({ status: 500 });

    await control("POST", `faults${forId("demo-no-access")}`, { hangNext: { count: 1 } });
    await control("DELETE", `faults${forId("demo-no-access")}`);
    expect((await adapty.getProfile({ customerUserId: "demo-no-access" })).attempts).toBe(1);
    expect((await received()).map((r) => `${r.status ?? "-"} ${r.fault ?? "-"}`)).toEqual([
      "200 -",
      "503 fail",
      "503 fail",
      "200 -",
      "500 fail",
      "200 -",
    ]);
  });

  it("clears every customer's faults on reset", async () => {
    await control("POST", `faults${forId("demo-lifetime")}`, { failNext: { count: 5, status: 503 } });
    await control("POST", "reset");
    expect((await adapty.getProfile({ customerUserId: "demo-lifetime" })).attempts).toBe(1);
  });
});

describe("contract", () => {
  it("every answer above conformed to Adapty's OpenAPI file", () => {
    expect(violations).toEqual([]);
  });
});
