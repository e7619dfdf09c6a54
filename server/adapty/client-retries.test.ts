import { describe, expect, it } from "vitest";
import { ok, failure, networkError, client, caught, type Step } from "./client-test-kit";

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
