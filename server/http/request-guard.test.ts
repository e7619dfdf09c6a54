import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, refuseRequest } from "./request-guard";

const post = (
  headers: Record<string, string>,
  overrides: { pathname?: string; publicOrigin?: string; method?: string } = {},
) =>
  refuseRequest({
    method: overrides.method ?? "POST",
    pathname: overrides.pathname ?? "/profiles/abc",
    headers: new Headers({ host: "console.internal:3000", "content-length": "20", ...headers }),
    publicOrigin: overrides.publicOrigin,
  });

describe("refuseRequest", () => {
  it("lets reads through whatever their origin", () => {
    expect(post({ origin: "https://evil.example" }, { method: "GET" })).toBeUndefined();
    expect(post({}, { method: "HEAD" })).toBeUndefined();
  });

  it("accepts a change from the console's own host and refuses other, null and missing origins", () => {
    expect(post({ origin: "http://console.internal:3000" })).toBeUndefined();
    expect(post({ origin: "http://Console.Internal:3000", host: "CONSOLE.internal:3000" })).toBeUndefined();
    expect(post({ origin: "https://evil.example" })?.status).toBe(403);
    expect(post({ origin: "null" })?.status).toBe(403);
    expect(post({})?.status).toBe(403);
    expect(post({ origin: "http://console.internal:3000.evil.example" })?.status).toBe(403);
    expect(post({ origin: "not a url" })?.status).toBe(403);
  });

  it("never trusts X-Forwarded-Host", () => {
    expect(post({ origin: "https://evil.example", "x-forwarded-host": "evil.example" })?.status).toBe(403);
  });

  it("with AUTH_URL, accepts only that origin, whatever the Host header says", () => {
    const publicOrigin = "https://support.example.com";
    expect(post({ origin: publicOrigin }, { publicOrigin })).toBeUndefined();
    expect(post({ origin: "http://support.example.com" }, { publicOrigin })?.status).toBe(403);
    expect(post({ origin: "http://console.internal:3000" }, { publicOrigin })?.status).toBe(403);
    expect(post({ origin: "https://evil.example", host: "evil.example" }, { publicOrigin })?.status).toBe(403);
  });

  it("refuses bodies above the limit and streamed bodies without a length, before any action runs", () => {
    const origin = "http://console.internal:3000";
    expect(post({ origin, "content-length": String(MAX_BODY_BYTES) })).toBeUndefined();
    expect(post({ origin, "content-length": String(MAX_BODY_BYTES + 1) })?.status).toBe(413);
    expect(post({ origin, "content-length": "-1" })?.status).toBe(413);
    const streamed = new Headers({ host: "console.internal:3000", origin, "transfer-encoding": "chunked" });
    expect(refuseRequest({ method: "POST", pathname: "/x", headers: streamed, publicOrigin: undefined })?.status).toBe(
      411,
    );
  });

  it("checks only the size of calls to the built-in sandbox's API, which carry an Api-Key and no cookies", () => {
    expect(post({}, { pathname: "/sandbox/adapty/api/v2/server-side-api/profile/" })).toBeUndefined();
    expect(
      post({ "content-length": "2000000" }, { pathname: "/sandbox/adapty/api/v2/server-side-api/profile/" })?.status,
    ).toBe(413);
  });

  it("lets Adapty's webhook deliveries through on their own (no Origin, no cookie; the route checks the Authorization and the size)", () => {
    expect(post({}, { pathname: "/api/adapty/webhook" })).toBeUndefined();
    expect(post({ "transfer-encoding": "chunked" }, { pathname: "/api/adapty/webhook" })).toBeUndefined();
    expect(post({}, { pathname: "/api/adapty/webhook/" })?.status).toBe(403);
    expect(post({}, { pathname: "/api/adapty/webhooks" })?.status).toBe(403);
  });

  it("names the origin it refused in the log line, bounded", () => {
    const refusal = post({ origin: `https://${"a".repeat(500)}.example` });
    expect(refusal?.log).toMatch(/^Refused a POST to \/profiles\/abc from origin "https:\/\/a+/);
    expect(refusal?.log.length).toBeLessThan(400);
  });
});
