import { describe, expect, it, vi } from "vitest";
import { createAdaptyClient, type AdaptyClientOptions } from "./client";
import { AdaptyError } from "./errors";

const PROFILE = {
  app_id: "14c3d623-2f3a-455a-aa86-ef83dff6913b",
  profile_id: "3286abd3-48b0-4e9c-a5f6-ac0a006804a6",
  customer_user_id: "jane",
  total_revenue_usd: 0,
  segment_hash: "8f45947bad31ab0c",
  timestamp: 1736425645861,
  custom_attributes: [],
  access_levels: [],
  subscriptions: [],
  non_subscriptions: [],
};

const ok = (body: unknown = { data: PROFILE }, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "Request-Id": "req-ok", ...headers } });

const failure = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Request-Id": `req-${status}`, ...headers } });

const networkError = (code: string) =>
  Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

type Step = Response | Error | "hang";

/** A fetch that plays the given answers in order and records what it was sent. */
function scripted(steps: Step[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn((url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
    const step = steps.shift();
    if (!step) throw new Error("no more scripted answers");
    if (step === "hang") {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error));
      });
    }
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function client(steps: Step[], overrides: Partial<AdaptyClientOptions> = {}) {
  const { fetch, calls } = scripted(steps);
  const sleeps: number[] = [];
  const adapty = createAdaptyClient({
    apiUrl: "https://api.adapty.test/",
    secretKey: "secret_live_TOPSECRET",
    timeoutMs: 50,
    fetch,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  });
  return { adapty, calls, sleeps };
}

async function caught(promise: Promise<unknown>): Promise<AdaptyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdaptyError);
  return error as AdaptyError;
}

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

describe("retries", () => {
  it("retries a read on 503 and 502 with growing, jittered backoff", async () => {
    const { adapty, sleeps, calls } = client([failure(503, {}), failure(502, {}), ok()], { timeoutMs: 10_000 });
    const answer = await adapty.getProfile({ customerUserId: "jane" });
    expect(answer.attempts).toBe(3);
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]); // half (random 0.5) of 200 ms, then of 400 ms
  });

  it("honours Retry-After in seconds and as an HTTP date", async () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    const { adapty, sleeps } = client(
      [
        failure(429, {}, { "Retry-After": "2" }),
        failure(429, {}, { "Retry-After": new Date(now + 3_000).toUTCString() }),
        ok(),
      ],
      { timeoutMs: 10_000, now: () => now },
    );
    await adapty.getProfile({ customerUserId: "jane" });
    expect(sleeps).toEqual([2_000, 3_000]);
  });

  it("gives up with rate_limited when Retry-After is longer than the time budget", async () => {
    const { adapty, sleeps } = client([failure(429, { error_code: "rate_limited" }, { "Retry-After": "120" })], {
      timeoutMs: 1_000,
    });
    const error = await caught(adapty.getProfile({ customerUserId: "jane" }));
    expect(error).toMatchObject({ kind: "rate_limited", retryAfterMs: 120_000 });
    expect(sleeps).toEqual([]);
  });

  it("retries a read that timed out, then reports the timeout", async () => {
    const { adapty, calls } = client(["hang", "hang", "hang", "hang"], { timeoutMs: 20, totalBudgetMs: 1_000 });
    const error = await caught(adapty.getProfile({ customerUserId: "jane" }));
    expect(error.kind).toBe("timeout");
    expect(calls).toHaveLength(4);
  });

  it("does not retry a read on 500 or 404", async () => {
    const { adapty, calls } = client([failure(500, {})]);
    expect((await caught(adapty.getProfile({ customerUserId: "jane" }))).kind).toBe("unavailable");
    expect(calls).toHaveLength(1);
  });

  it("retries a change that certainly did not reach Adapty: refused connection, 429", async () => {
    const { adapty, calls } = client([networkError("ECONNREFUSED"), failure(429, {}, { "Retry-After": "0" }), ok()], {
      timeoutMs: 10_000,
    });
    const answer = await adapty.grantAccessLevel(
      { customerUserId: "jane" },
      { accessLevelId: "premium", expiresAt: null },
    );
    expect(answer.attempts).toBe(3);
    expect(calls).toHaveLength(3);
  });

  it.each([
    ["a timeout", "hang" as const, "timeout"],
    ["a connection reset after sending", networkError("ECONNRESET"), "unavailable"],
    ["a 503", failure(503, {}), "unavailable"],
    ["a 504", failure(504, {}), "unavailable"],
  ])("never retries a change after %s", async (_name, step, kind) => {
    const { adapty, calls } = client([step, ok()]);
    const error = await caught(adapty.revokeAccessLevel({ customerUserId: "jane" }, { accessLevelId: "premium" }));
    expect(error.kind).toBe(kind);
    expect(calls).toHaveLength(1);
  });

  it("marks a change whose fate is unknown, and only those", async () => {
    const grant = (step: Step) =>
      caught(
        client([step]).adapty.grantAccessLevel(
          { customerUserId: "jane" },
          { accessLevelId: "premium", expiresAt: null },
        ),
      );
    expect((await grant("hang")).outcomeUnknown).toBe(true);
    expect((await grant(networkError("UND_ERR_SOCKET"))).outcomeUnknown).toBe(true);
    expect((await grant(failure(504, {}))).outcomeUnknown).toBe(true);
    expect((await grant(failure(500, {}))).outcomeUnknown).toBe(false);
    expect((await grant(failure(400, {}))).outcomeUnknown).toBe(false);
  });

  it("stops at the total time budget", async () => {
    let clock = 0;
    const { adapty, calls } = client([failure(503, {}), failure(503, {}), failure(503, {}), ok()], {
      timeoutMs: 100,
      totalBudgetMs: 150,
      now: () => clock,
      sleep: (ms) => {
        clock += ms;
        return Promise.resolve();
      },
      random: () => 1,
    });
    clock = 0;
    const error = await caught(adapty.getProfile({ customerUserId: "jane" }));
    expect(error.kind).toBe("unavailable");
    expect(calls.length).toBeLessThan(4);
  });
});
