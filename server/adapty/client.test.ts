import { describe, expect, it } from "vitest";
import { PROFILE, ok, failure, client, caught } from "./client-test-kit";

describe("requests", () => {
  it("sends the key per request, the id header and the exact documented path", async () => {
    const { adapty, calls } = client([ok()]);
    const answer = await adapty.getProfile({ customerUserId: "jane é" });
    expect(answer).toEqual({ value: PROFILE, status: 200, requestId: "req-ok", attempts: 1 });
    expect(calls[0]?.url).toBe("https://api.adapty.test/api/v2/server-side-api/profile/");
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe("Api-Key secret_live_TOPSECRET");
    expect(Buffer.from(headers["adapty-customer-user-id"] ?? "", "latin1").toString("utf8")).toBe("jane é");
    expect(headers["adapty-profile-id"]).toBeUndefined();
  });

  it("sends grant times as ISO 8601 with an explicit offset, and null for lifetime", async () => {
    const { adapty, calls } = client([ok(), ok()]);
    await adapty.grantAccessLevel(
      { profileId: PROFILE.profile_id },
      {
        accessLevelId: "premium",
        startsAt: new Date("2026-12-01T10:00:00Z"),
        expiresAt: new Date("2027-01-01T10:00:00Z"),
      },
    );
    expect(calls[0]?.url).toMatch(/\/purchase\/profile\/grant\/access-level\/$/);
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({
      access_level_id: "premium",
      starts_at: "2026-12-01T10:00:00.000+00:00",
      expires_at: "2027-01-01T10:00:00.000+00:00",
    });
    await adapty.grantAccessLevel({ profileId: PROFILE.profile_id }, { accessLevelId: "premium", expiresAt: null });
    expect(JSON.parse(calls[1]?.init.body as string)).toEqual({ access_level_id: "premium", expires_at: null });
  });

  it("sends both id headers only on create", async () => {
    const { adapty, calls } = client([ok()]);
    await adapty.createProfile(
      { customerUserId: "jane", profileId: PROFILE.profile_id },
      { first_name: "Jane" },
      "iOS",
    );
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers["adapty-customer-user-id"]).toBe("jane");
    expect(headers["adapty-profile-id"]).toBe(PROFILE.profile_id);
    expect(headers["adapty-platform"]).toBe("iOS");
    expect(calls[0]?.init.method).toBe("POST");
  });

  it("always sends installation details on create (the file requires them): a new device id if none are given", async () => {
    const { adapty, calls } = client([ok(), ok()]);
    await adapty.createProfile({ profileId: PROFILE.profile_id });
    const sent = JSON.parse(calls[0]?.init.body as string) as { installation_meta: { device_id: string } };
    expect(Object.keys(sent)).toEqual(["installation_meta"]);
    expect(sent.installation_meta.device_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const device = { device_id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", platform: "iOS" as const };
    await adapty.createProfile({ customerUserId: "jane" }, { first_name: "Jane", installation_meta: device });
    expect(JSON.parse(calls[1]?.init.body as string)).toEqual({ first_name: "Jane", installation_meta: device });
  });

  it.each(["a\r\nX-Injected: 1", "nul\u0000", "", "x".repeat(501)])(
    "refuses an id it cannot send safely (%j) without sending",
    async (id) => {
      const { adapty, calls } = client([]);
      const error = await caught(adapty.getProfile({ customerUserId: id }));
      expect(error.kind).toBe("invalid_request");
      expect(calls).toHaveLength(0);
    },
  );

  it("accepts 204 with an empty body on delete", async () => {
    const { adapty } = client([new Response(null, { status: 204 })]);
    await expect(adapty.deleteProfile({ customerUserId: "jane" })).resolves.toMatchObject({
      status: 204,
      value: undefined,
    });
  });
});

describe("error kinds", () => {
  it("404 is not found, with Adapty's code and request id", async () => {
    const { adapty } = client([
      failure(404, {
        errors: [{ source: null, errors: ["Profile not found"] }],
        error_code: "profile_does_not_exist",
        status_code: 404,
      }),
    ]);
    const error = await caught(adapty.getProfile({ customerUserId: "nobody" }));
    expect(error).toMatchObject({
      kind: "not_found",
      status: 404,
      errorCode: "profile_does_not_exist",
      requestId: "req-404",
    });
    expect(error.formErrors).toEqual(["Profile not found"]);
  });

  it("400 is an invalid request with the field errors by source", async () => {
    const { adapty } = client([
      failure(400, {
        errors: [
          { source: "revoke_at", errors: ["Revocation date is more than current expiration date"] },
          { source: "non_field_errors", errors: ["Something general"] },
        ],
        error_code: "revocation_date_more_than_expiration_date",
        status_code: 400,
      }),
    ]);
    const error = await caught(
      adapty.revokeAccessLevel({ customerUserId: "jane" }, { accessLevelId: "premium", revokeAt: new Date() }),
    );
    expect(error.kind).toBe("invalid_request");
    expect(error.errorCode).toBe("revocation_date_more_than_expiration_date");
    expect(error.fieldErrors).toEqual({ revoke_at: ["Revocation date is more than current expiration date"] });
    expect(error.formErrors).toEqual(["Something general"]);
    expect(error.outcomeUnknown).toBe(false);
  });

  it("401 in the flat error form is the console's key being rejected", async () => {
    const { adapty } = client([
      failure(401, { errors: ["Invalid API key"], error_code: "unauthorized", status_code: 401 }),
    ]);
    const error = await caught(adapty.getProfile({ customerUserId: "jane" }));
    expect(error).toMatchObject({ kind: "key_rejected", errorCode: "unauthorized", formErrors: ["Invalid API key"] });
  });

  it("a 200 of the wrong shape is an unexpected response, not a crash later", async () => {
    const { adapty } = client([ok({ data: { ...PROFILE, access_levels: "none" } })]);
    const error = await caught(adapty.getProfile({ customerUserId: "jane" }));
    expect(error).toMatchObject({ kind: "unexpected_response", status: 200 });
  });

  it("a 200 that is not JSON is an unexpected response", async () => {
    const { adapty } = client([new Response("<html>login</html>", { status: 200 })]);
    expect((await caught(adapty.getProfile({ customerUserId: "jane" }))).kind).toBe("unexpected_response");
  });

  it("never puts the key in an error", async () => {
    const { adapty } = client([
      failure(401, { errors: ["Invalid API key"], error_code: "unauthorized", status_code: 401 }),
    ]);
    const error = await caught(adapty.getProfile({ customerUserId: "jane" }));
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain("TOPSECRET");
  });
});
