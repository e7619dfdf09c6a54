import { describe, expect, it } from "vitest";
import { live, control, failure, clientWith, KEY, withStandaloneSandbox } from "./sandbox-http-kit";

// The real client against the standalone sandbox over real HTTP: profiles.
withStandaloneSandbox();

describe("profiles", () => {
  it("refuses a missing or wrong key with 401 not_authenticated", async () => {
    const error = await failure(
      clientWith({ secretKey: "wrong-key" }).getProfile({ customerUserId: "demo-no-access" }),
    );
    expect(error).toMatchObject({ kind: "key_rejected", status: 401, errorCode: "not_authenticated" });
    const response = await fetch(`${live.sandbox.url}/api/v2/server-side-api/profile/`, {
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
    const created = await live.adapty.createProfile(
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
    expect((await live.adapty.getProfile({ profileId: profile.profile_id })).value.customer_user_id).toBe(
      "new-customer",
    );

    const updated = await live.adapty.updateProfile(
      { customerUserId: "new-customer" },
      {
        last_name: "Lopez",
        custom_attributes: [
          { key: "tier", value: "platinum" },
          { key: "score", value: "" },
        ],
        installation_meta: { device_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6" },
      },
    );
    expect(updated.value.custom_attributes).toEqual([{ key: "tier", value: "platinum" }]);
    const stored = (await control("GET", `profiles/${profile.profile_id}`)).body;
    expect(stored.fields).toEqual({ first_name: "Ana", last_name: "Lopez", email: "ana@example.com" });

    expect((await live.adapty.deleteProfile({ customerUserId: "new-customer" })).status).toBe(204);
    expect((await failure(live.adapty.getProfile({ customerUserId: "new-customer" }))).kind).toBe("not_found");
  });

  it("answers an unknown user with 404 profile_does_not_exist", async () => {
    const error = await failure(live.adapty.getProfile({ customerUserId: "nobody" }));
    expect(error).toMatchObject({ kind: "not_found", status: 404, errorCode: "profile_does_not_exist" });
  });

  it("keeps non-Latin customer user ids intact", async () => {
    await live.adapty.createProfile({ customerUserId: "顧客/été 42" });
    expect((await live.adapty.getProfile({ customerUserId: "顧客/été 42" })).value.customer_user_id).toBe(
      "顧客/été 42",
    );
    expect(
      (await live.adapty.getProfile({ customerUserId: "team/alpha user+é@example.com" })).value.access_levels,
    ).toHaveLength(1);
  });

  it("returns the existing profile when a customer user id is created twice", async () => {
    const first = await live.adapty.createProfile({ customerUserId: "twice" });
    const second = await live.adapty.createProfile({ customerUserId: "twice" });
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
    const error = await failure(live.adapty.createProfile({ customerUserId: "invalid-input" }, fields as never));
    expect(error).toMatchObject({ kind: "invalid_request", status: 400, errorCode: "validation_error" });
    expect(Object.keys(error.fieldErrors)).toContain(source);
    expect((await failure(live.adapty.getProfile({ customerUserId: "invalid-input" }))).kind).toBe("not_found");
  });

  it("refuses what the file refuses: an update without installation_meta, a null value, a create without installation_meta", async () => {
    const api = (method: string, body: unknown) =>
      fetch(`${live.sandbox.url}/api/v2/server-side-api/profile/`, {
        method,
        headers: {
          Authorization: `Api-Key ${KEY}`,
          "adapty-customer-user-id": "strict",
          "Content-Type": "application/json",
        },
        body: JSON.stringify(body),
      });
    const device = { device_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6" };
    const sources = async (response: Response) => {
      expect(response.status).toBe(400);
      return ((await response.json()) as { errors: { source: string }[] }).errors.map((e) => e.source);
    };
    expect(await sources(await api("POST", {}))).toEqual(["installation_meta"]);
    expect(await sources(await api("POST", { first_name: "Ana" }))).toEqual(["installation_meta"]);
    expect((await failure(live.adapty.getProfile({ customerUserId: "strict" }))).kind).toBe("not_found");
    expect(
      (await api("POST", { installation_meta: device, custom_attributes: [{ key: "tier", value: "gold" }] })).status,
    ).toBe(200);

    expect(await sources(await api("PATCH", { first_name: "Ana" }))).toEqual(["installation_meta"]);
    const nulled = await api("PATCH", { installation_meta: device, custom_attributes: [{ key: "tier", value: null }] });
    expect(await sources(nulled)).toContain("custom_attributes.0.value");
    expect((await live.adapty.getProfile({ customerUserId: "strict" })).value.custom_attributes).toEqual([
      { key: "tier", value: "gold" },
    ]);
  });

  it("merges an update's custom attributes by key: others stay, an empty value removes its key", async () => {
    await live.adapty.createProfile(
      { customerUserId: "merge" },
      {
        custom_attributes: [
          { key: "a", value: "1" },
          { key: "b", value: 2 },
          { key: "c", value: "3" },
        ],
      },
    );
    const updated = await live.adapty.updateProfile(
      { customerUserId: "merge" },
      {
        custom_attributes: [
          { key: "b", value: "" },
          { key: "d", value: 4 },
          { key: "a", value: "one" },
        ],
        installation_meta: { device_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6" },
      },
    );
    expect(updated.value.custom_attributes).toEqual([
      { key: "a", value: "one" },
      { key: "c", value: "3" },
      { key: "d", value: 4 },
    ]);
  });

  it("accepts the limits themselves: 30 attributes, 30-character keys, 50-character values", async () => {
    const attributes = Array.from({ length: 30 }, (_, i) => ({
      key: `${"k".repeat(27)}${String(i).padStart(3, "0")}`,
      value: "v".repeat(50),
    }));
    const created = await live.adapty.createProfile(
      { customerUserId: "at-the-limits" },
      { custom_attributes: attributes },
    );
    expect(created.value.custom_attributes).toHaveLength(30);
  });
});

describe("contract", () => {
  it("every answer above conformed to Adapty's OpenAPI file", () => {
    expect(live.violations).toEqual([]);
  });
});
