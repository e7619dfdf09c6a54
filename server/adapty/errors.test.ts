import { describe, expect, it } from "vitest";
import { kindForStatus, parseErrorBody } from "./errors";
import { backoffDelay, parseRetryAfter } from "./retry";

describe("parseErrorBody", () => {
  it("reads the object form, sorting field and non-field messages", () => {
    expect(
      parseErrorBody({
        errors: [
          { source: "email", errors: ["Enter a valid email address."] },
          { source: null, errors: ["Profile not found"] },
          { source: "non_field_errors", errors: ["General"] },
        ],
        error_code: "validation_error",
        status_code: 400,
      }),
    ).toEqual({
      errorCode: "validation_error",
      fieldErrors: { email: ["Enter a valid email address."] },
      formErrors: ["Profile not found", "General"],
    });
  });

  it("reads the flat form", () => {
    expect(parseErrorBody({ errors: ["Invalid API key"], error_code: "unauthorized", status_code: 401 })).toEqual({
      errorCode: "unauthorized",
      fieldErrors: {},
      formErrors: ["Invalid API key"],
    });
  });

  it("survives bodies that are not Adapty's", () => {
    expect(parseErrorBody("<html>")).toEqual({ fieldErrors: {}, formErrors: [] });
    expect(parseErrorBody({ errors: [42, null, { source: 1, errors: "x" }] })).toEqual({
      fieldErrors: {},
      formErrors: [],
    });
  });
});

describe("kindForStatus", () => {
  it.each([
    [404, "not_found"],
    [400, "invalid_request"],
    [401, "key_rejected"],
    [403, "key_rejected"],
    [429, "rate_limited"],
    [500, "unavailable"],
    [503, "unavailable"],
    [302, "unexpected_response"],
  ] as const)("%i is %s", (status, kind) => expect(kindForStatus(status)).toBe(kind));
});

describe("retry timing", () => {
  it("reads Retry-After as seconds or an HTTP date, and ignores nonsense", () => {
    const now = Date.parse("2026-11-22T10:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 10:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("doubles the backoff ceiling per attempt up to 4 s, with full jitter", () => {
    expect([1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, () => 1))).toEqual([200, 400, 800, 1_600, 4_000]);
    expect(backoffDelay(3, () => 0)).toBe(0);
  });
});
