// The console's whole configuration, parsed from environment variables.
// Deliberately free of `server-only`: next.config.js loads this file to refuse a bad
// configuration at build and start-up, before any Next.js module exists. Everything
// else imports configuration through `server/env/index.ts`, which is fenced.
import path from "node:path";
import { z } from "zod";
import { integer, variable } from "./variable";
import { WEBHOOK_VARIABLES } from "./webhook-variables";
import type { AdaptyEventType } from "../../lib/webhooks/event-types";

export type ConsoleMode = "sandbox" | "live";

export interface ConsoleEnv {
  /** sandbox: no Adapty key, the built-in sandbox answers. live: a real Adapty app. */
  mode: ConsoleMode;
  adapty: {
    secretKey: string | undefined;
    apiUrl: string;
    accessLevels: string[];
    timeoutMs: number;
  };
  consoleEnvLabel: string;
  databaseUrl: string | undefined;
  dataDir: string;
  authSecret: string | undefined;
  /** The origin staff open the console at (AUTH_URL); unset = the request's own Host. */
  publicOrigin: string | undefined;
  port: number;
  /** Company single sign-on through any OpenID Connect provider, when configured. */
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | undefined;
  /** Email domains whose people may sign in through SSO without a staff row (as viewers). */
  allowedDomains: string[];
  /** A session ends this long after sign-in (absolute) or after its last request (idle). */
  session: { maxAgeMs: number; idleMs: number };
  /** How often a running console settles changes that a stopped instance left open. */
  reconcileIntervalMs: number;
  /** Adapty's webhook integration (docs: README "Webhooks"); authorization unset in live mode = endpoint off. */
  webhook: {
    authorization: string | undefined;
    eventNames: Record<string, AdaptyEventType>;
    retentionDays: number;
  };
}

type Source = Record<string, string | undefined>;

function parsedProtocol(value: string): string {
  return URL.canParse(value) ? new URL(value).protocol : "";
}

const httpUrl = (expected: string) =>
  z
    .string()
    .refine(
      (value) => ["http:", "https:"].includes(parsedProtocol(value)) && !/^[a-z]+:\/\/[^/]*@/i.test(value),
      expected,
    )
    .transform((value) => value.replace(/\/+$/, ""));

const ACCESS_LEVEL_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Each variable with what it must hold; the message is what the operator reads. */
const configSchema = z.object({
  ADAPTY_SECRET_KEY: variable(
    z
      .string()
      .regex(/^\S{8,512}$/, "must be Adapty's secret API key: 8 to 512 characters, no spaces")
      .optional(),
  ),
  ADAPTY_API_URL: variable(
    httpUrl("must be an http(s) URL without credentials, such as https://api.adapty.io").default(
      "https://api.adapty.io",
    ),
  ),
  ADAPTY_ACCESS_LEVELS: variable(
    z
      .string()
      .transform((value) => [
        ...new Set(
          value
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ])
      .refine(
        (ids) => ids.length > 0 && ids.every((id) => ACCESS_LEVEL_ID.test(id)),
        "must be a comma-separated list of access level ids (letters, digits, '.', '_', '-'), such as premium,pro",
      )
      .default(["premium"]),
  ),
  ADAPTY_TIMEOUT_MS: variable(
    integer(100, 120_000, "must be a whole number of milliseconds from 100 to 120000").default(10_000),
  ),
  CONSOLE_ENV_LABEL: variable(
    z
      .string()
      .trim()
      .regex(/^[^\u0000-\u001f]{1,40}$/, "must be a short label of at most 40 characters, such as Production")
      .default("Live"),
  ),
  DATABASE_URL: variable(
    z
      .string()
      .refine(
        (value) => ["postgres:", "postgresql:"].includes(parsedProtocol(value)),
        "must be a PostgreSQL URL such as postgres://user:password@host:5432/console, or unset for the embedded database",
      )
      .optional(),
  ),
  DATA_DIR: variable(
    z
      .string()
      .regex(/^[^\u0000]+$/, "must be a directory path")
      .default("./data")
      .transform((value) => path.resolve(value)),
  ),
  AUTH_SECRET: variable(
    z.string().min(32, "must be at least 32 characters of random text (openssl rand -base64 32)").optional(),
  ),
  AUTH_URL: variable(
    httpUrl("must be the address staff open the console at, such as https://support.example.com").optional(),
  ),
  PORT: variable(integer(1, 65_535, "must be a TCP port number from 1 to 65535").default(3000)),
  AUTH_OIDC_ISSUER: variable(
    httpUrl("must be the https URL of your OpenID Connect issuer, such as https://login.example.com").optional(),
  ),
  AUTH_OIDC_CLIENT_ID: variable(z.string().max(500, "must be at most 500 characters").optional()),
  AUTH_OIDC_CLIENT_SECRET: variable(z.string().max(1000, "must be at most 1000 characters").optional()),
  AUTH_OIDC_NAME: variable(
    z.string().trim().max(40, "must be a button label of at most 40 characters").default("Single sign-on"),
  ),
  AUTH_ALLOWED_DOMAINS: variable(
    z
      .string()
      .transform((value) => [
        ...new Set(
          value
            .split(",")
            .map((d) => d.trim().toLowerCase())
            .filter(Boolean),
        ),
      ])
      .refine(
        (domains) => domains.every((domain) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)),
        "must be a comma-separated list of email domains, such as example.com,example.org",
      )
      .default([]),
  ),
  SESSION_MAX_HOURS: variable(integer(1, 168, "must be a whole number of hours from 1 to 168").default(8)),
  SESSION_IDLE_MINUTES: variable(integer(5, 1_440, "must be a whole number of minutes from 5 to 1440").default(120)),
  RECONCILE_INTERVAL_SECONDS: variable(
    integer(2, 3_600, "must be a whole number of seconds from 2 to 3600").default(60),
  ),
  ...WEBHOOK_VARIABLES,
});

/** Values never echoed back in an error message. */
const SECRET_VARIABLES = new Set<string>([
  "ADAPTY_SECRET_KEY",
  "DATABASE_URL",
  "AUTH_SECRET",
  "AUTH_OIDC_CLIENT_SECRET",
  "ADAPTY_WEBHOOK_AUTHORIZATION",
]);

export type ParseResult = { ok: true; env: ConsoleEnv } | { ok: false; message: string };

/** Parses the environment; on failure returns one line naming every bad variable. */
export function parseEnv(source: Source): ParseResult {
  const parsed = configSchema.safeParse(source);
  if (!parsed.success) {
    const problems = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0]);
      if (problems.has(name)) continue;
      const raw = source[name];
      const shown = SECRET_VARIABLES.has(name) || raw === undefined ? "" : ` (got ${JSON.stringify(raw.slice(0, 60))})`;
      problems.set(name, `${name} ${issue.message}${shown}`);
    }
    return { ok: false, message: `Invalid configuration: ${[...problems.values()].join("; ")}` };
  }

  const values = parsed.data;
  const mode: ConsoleMode = values.ADAPTY_SECRET_KEY ? "live" : "sandbox";
  if (mode === "live" && values.AUTH_SECRET === undefined) {
    return {
      ok: false,
      message:
        "Invalid configuration: AUTH_SECRET must be set (at least 32 random characters) when ADAPTY_SECRET_KEY is set; only sandbox mode generates one",
    };
  }

  const apiUrl = new URL(values.ADAPTY_API_URL);
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(apiUrl.hostname);
  if (mode === "live" && apiUrl.protocol === "http:" && !loopback) {
    return {
      ok: false,
      message:
        "Invalid configuration: ADAPTY_API_URL must use https when ADAPTY_SECRET_KEY is set, so the key never travels unencrypted",
    };
  }

  const oidcParts = [values.AUTH_OIDC_ISSUER, values.AUTH_OIDC_CLIENT_ID, values.AUTH_OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    return {
      ok: false,
      message:
        "Invalid configuration: AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET must be set together for single sign-on",
    };
  }

  return {
    ok: true,
    env: {
      mode,
      adapty: {
        secretKey: values.ADAPTY_SECRET_KEY,
        apiUrl: values.ADAPTY_API_URL,
        accessLevels: values.ADAPTY_ACCESS_LEVELS,
        timeoutMs: values.ADAPTY_TIMEOUT_MS,
      },
      consoleEnvLabel: values.CONSOLE_ENV_LABEL,
      databaseUrl: values.DATABASE_URL,
      dataDir: values.DATA_DIR,
      authSecret: values.AUTH_SECRET,
      publicOrigin: values.AUTH_URL === undefined ? undefined : new URL(values.AUTH_URL).origin,
      port: values.PORT,
      oidc:
        values.AUTH_OIDC_ISSUER && values.AUTH_OIDC_CLIENT_ID && values.AUTH_OIDC_CLIENT_SECRET
          ? {
              issuer: values.AUTH_OIDC_ISSUER,
              clientId: values.AUTH_OIDC_CLIENT_ID,
              clientSecret: values.AUTH_OIDC_CLIENT_SECRET,
              name: values.AUTH_OIDC_NAME,
            }
          : undefined,
      allowedDomains: values.AUTH_ALLOWED_DOMAINS,
      session: { maxAgeMs: values.SESSION_MAX_HOURS * 3_600_000, idleMs: values.SESSION_IDLE_MINUTES * 60_000 },
      reconcileIntervalMs: values.RECONCILE_INTERVAL_SECONDS * 1_000,
      webhook: {
        authorization: values.ADAPTY_WEBHOOK_AUTHORIZATION,
        eventNames: values.ADAPTY_WEBHOOK_EVENT_NAMES,
        retentionDays: values.WEBHOOK_RETENTION_DAYS,
      },
    },
  };
}
