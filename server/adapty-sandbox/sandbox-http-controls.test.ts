import { describe, expect, it } from "vitest";
import { control, failure, live, received, withStandaloneSandbox } from "./sandbox-http-kit";

// The real client against the standalone sandbox over real HTTP: the test controls that
// act on one customer only, so end-to-end tests can run side by side.
withStandaloneSandbox();

describe("controls scoped to one customer", () => {
  const forId = (id: string) => `?for=${encodeURIComponent(id)}`;

  it("copies a demo profile under a new customer user id and profile id, and refuses a bad copy", async () => {
    const copied = await control("POST", "profiles", { customer_user_id: "copy é/1", like: "demo-active-renewing" });
    expect(copied.status).toBe(201);
    expect(copied.body.profile_id).not.toBe("9c1e5a70-0000-4000-8000-000000000002");
    const read = await live.adapty.getProfile({ customerUserId: "copy é/1" });
    expect(read.value.profile_id).toBe(copied.body.profile_id);
    const demo = await live.adapty.getProfile({ customerUserId: "demo-active-renewing" });
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
    const unauthenticated = await fetch(`${live.sandbox.url}/__sandbox/profiles`, {
      method: "POST",
      body: JSON.stringify({ customer_user_id: "x", like: "demo-lifetime" }),
    });
    expect(unauthenticated.status).toBe(401);
  });

  it("lists and clears only the requests concerning a customer, however the console named it", async () => {
    const { value: lifetime } = await live.adapty.getProfile({ customerUserId: "demo-lifetime" });
    await live.adapty.getProfile({ profileId: lifetime.profile_id });
    await live.adapty.getProfile({ customerUserId: "demo-no-access" });
    await live.adapty.createProfile({ customerUserId: "scoped-new" }, {});

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
    const { value: lifetime } = await live.adapty.getProfile({ customerUserId: "demo-lifetime" });
    const scoped = await control("POST", `faults${forId(lifetime.profile_id)}`, {
      failNext: { count: 2, status: 503 },
    });
    expect(scoped.body).toMatchObject({ failNext: { count: 2, status: 503 } });
    await control("POST", "faults", { failNext: { count: 1, status: 500 } });

    // Named by its customer user id, the profile still takes its own faults (and retries through them).
    const read = await live.adapty.getProfile({ customerUserId: "demo-lifetime" });
    expect(read.attempts).toBe(3);
    expect((await control("GET", `faults${forId(lifetime.profile_id)}`)).body).not.toHaveProperty("failNext");
    // Another customer takes the global fault, which the scoped plan left alone.
    const error = await failure(
      live.adapty.revokeAccessLevel({ customerUserId: "demo-no-access" }, { accessLevelId: "premium" }),
    );
    expect(error).toMatchObject({ status: 500 });

    await control("POST", `faults${forId("demo-no-access")}`, { hangNext: { count: 1 } });
    await control("DELETE", `faults${forId("demo-no-access")}`);
    expect((await live.adapty.getProfile({ customerUserId: "demo-no-access" })).attempts).toBe(1);
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
    expect((await live.adapty.getProfile({ customerUserId: "demo-lifetime" })).attempts).toBe(1);
  });
});

describe("contract", () => {
  it("every answer above conformed to Adapty's OpenAPI file", () => {
    expect(live.violations).toEqual([]);
  });
});
