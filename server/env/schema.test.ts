import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./schema";

const LIVE = { ADAPTY_SECRET_KEY: "secret_live_abcdefgh", AUTH_SECRET: "x".repeat(32) };

function problem(source: Record<string, string>): string {
  const result = parseEnv(source);
  if (result.ok) throw new Error("expected the configuration to be refused");
  return result.message;
}

describe("parseEnv", () => {
  it("starts in sandbox mode with documented defaults when nothing is set", () => {
    const result = parseEnv({});
    expect(result).toEqual({
      ok: true,
      env: {
        mode: "sandbox",
        adapty: { secretKey: undefined, apiUrl: "https://api.adapty.io", accessLevels: ["premium"], timeoutMs: 10_000 },
        consoleEnvLabel: "Live",
        databaseUrl: undefined,
        dataDir: path.resolve("./data"),
        authSecret: undefined,
        publicOrigin: undefined,
        port: 3000,
        oidc: undefined,
        allowedDomains: [],
        session: { maxAgeMs: 8 * 3_600_000, idleMs: 120 * 60_000 },
        reconcileIntervalMs: 60_000,
        webhook: { authorization: undefined, eventNames: {}, retentionDays: 400 },
      },
    });
  });

  it("takes the webhook's Authorization value, never echoing it, and refuses a short or multi-line one", () => {
    const value = "a".repeat(40);
    const result = parseEnv({ ADAPTY_WEBHOOK_AUTHORIZATION: value });
    expect(result.ok && result.env.webhook.authorization).toBe(value);
    for (const bad of ["short", `${"a".repeat(20)}\n${"b".repeat(20)}`]) {
      const message = problem({ ADAPTY_WEBHOOK_AUTHORIZATION: bad });
      expect(message).toMatch(
        /^Invalid configuration: ADAPTY_WEBHOOK_AUTHORIZATION must be the value typed into Adapty/,
      );
      expect(message).not.toContain(bad);
    }
  });

  it("reads renamed event names as renamed=adapty_name pairs and refuses a name Adapty does not have", () => {
    const result = parseEnv({
      ADAPTY_WEBHOOK_EVENT_NAMES: " renewal = subscription_renewed , refund=subscription_refunded",
    });
    expect(result.ok && result.env.webhook.eventNames).toEqual({
      renewal: "subscription_renewed",
      refund: "subscription_refunded",
    });
    expect(problem({ ADAPTY_WEBHOOK_EVENT_NAMES: "renewal=subscription_reneved" })).toMatch(
      /ADAPTY_WEBHOOK_EVENT_NAMES must be comma-separated renamed=adapty_name pairs/,
    );
    expect(problem({ WEBHOOK_RETENTION_DAYS: "0" })).toMatch(/WEBHOOK_RETENTION_DAYS must be a whole number of days/);
  });

  it("switches to live mode when a key is set and requires AUTH_SECRET there", () => {
    expect(problem({ ADAPTY_SECRET_KEY: "secret_live_abcdefgh" })).toMatch(
      /^Invalid configuration: AUTH_SECRET must be set/,
    );
    const result = parseEnv({ ...LIVE, ADAPTY_API_URL: "http://127.0.0.1:8787/", CONSOLE_ENV_LABEL: "Production" });
    expect(result.ok && result.env.mode).toBe("live");
    expect(result.ok && result.env.adapty.apiUrl).toBe("http://127.0.0.1:8787");
    expect(result.ok && result.env.consoleEnvLabel).toBe("Production");
  });

  it("names a URL that is not a URL, in one line, with the value seen", () => {
    const message = problem({ ADAPTY_API_URL: "not-a-url" });
    expect(message).toBe(
      'Invalid configuration: ADAPTY_API_URL must be an http(s) URL without credentials, such as https://api.adapty.io (got "not-a-url")',
    );
    expect(message).not.toContain("\n");
  });

  it.each(["-1", "0", "99", "120001", "1.5", "ten"])("refuses ADAPTY_TIMEOUT_MS=%s", (value) => {
    expect(problem({ ADAPTY_TIMEOUT_MS: value })).toContain(
      "ADAPTY_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000",
    );
  });

  it("reads the access levels as a trimmed, de-duplicated list and refuses odd ids", () => {
    const result = parseEnv({ ADAPTY_ACCESS_LEVELS: " premium, pro ,premium,," });
    expect(result.ok && result.env.adapty.accessLevels).toEqual(["premium", "pro"]);
    expect(problem({ ADAPTY_ACCESS_LEVELS: "premium, vip tier" })).toContain("ADAPTY_ACCESS_LEVELS must be");
    expect(problem({ ADAPTY_ACCESS_LEVELS: " , " })).toContain("ADAPTY_ACCESS_LEVELS must be");
  });

  it("keeps only the origin of AUTH_URL and refuses one that is not an http(s) address", () => {
    const result = parseEnv({ AUTH_URL: "https://support.example.com/" });
    expect(result.ok && result.env.publicOrigin).toBe("https://support.example.com");
    expect(problem({ AUTH_URL: "support.example.com" })).toContain(
      "AUTH_URL must be the address staff open the console at",
    );
  });

  it("treats an empty variable as unset", () => {
    const result = parseEnv({ ADAPTY_SECRET_KEY: "", DATABASE_URL: "  ", PORT: "" });
    expect(result.ok && result.env.mode).toBe("sandbox");
    expect(result.ok && result.env.port).toBe(3000);
  });

  it("accepts only PostgreSQL URLs for DATABASE_URL and never echoes them", () => {
    const message = problem({ DATABASE_URL: "mysql://root:hunter2@db/console" });
    expect(message).toContain("DATABASE_URL must be a PostgreSQL URL");
    expect(message).not.toContain("hunter2");
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/console" }).ok).toBe(true);
  });

  it("never echoes a secret, even a malformed one", () => {
    const message = problem({ ADAPTY_SECRET_KEY: "has spaces in it", AUTH_SECRET: "short" });
    expect(message).toContain("ADAPTY_SECRET_KEY must be");
    expect(message).toContain("AUTH_SECRET must be at least 32 characters");
    expect(message).not.toContain("has spaces");
    expect(message).not.toContain("short");
  });

  it("lists every bad variable on the same line", () => {
    const message = problem({ PORT: "70000", ADAPTY_API_URL: "ftp://x", CONSOLE_ENV_LABEL: "x".repeat(41) });
    expect(message.split("; ")).toHaveLength(3);
    expect(message).toContain("PORT must be a TCP port number");
  });

  it("takes single sign-on only when issuer, client id and secret come together", () => {
    expect(problem({ AUTH_OIDC_ISSUER: "https://login.example.com" })).toContain("must be set together");
    const result = parseEnv({
      AUTH_OIDC_ISSUER: "https://login.example.com/",
      AUTH_OIDC_CLIENT_ID: "console",
      AUTH_OIDC_CLIENT_SECRET: "s3cret",
      AUTH_ALLOWED_DOMAINS: "Example.com, example.org",
    });
    expect(result.ok && result.env.oidc).toEqual({
      issuer: "https://login.example.com",
      clientId: "console",
      clientSecret: "s3cret",
      name: "Single sign-on",
    });
    expect(result.ok && result.env.allowedDomains).toEqual(["example.com", "example.org"]);
    expect(problem({ AUTH_ALLOWED_DOMAINS: "@example.com" })).toContain("AUTH_ALLOWED_DOMAINS");
  });

  it("sends a live key only over https, except to this machine", () => {
    expect(problem({ ...LIVE, ADAPTY_API_URL: "http://api.adapty.io" })).toContain("must use https");
    expect(parseEnv({ ...LIVE, ADAPTY_API_URL: "http://localhost:8787" }).ok).toBe(true);
  });

  it("refuses an API URL with credentials in it", () => {
    expect(problem({ ADAPTY_API_URL: "https://user:pass@api.adapty.io" })).toContain("ADAPTY_API_URL");
  });
});
