import path from "node:path";

// The processes the end-to-end tests run against. The console under test runs in live
// mode against the standalone Adapty sandbox over real HTTP and on PostgreSQL, so the
// production code path is the one tested; a second console runs on its embedded
// defaults (sandbox Adapty, PGlite, demo staff), as the README's first command starts it.

/** Where the end-to-end tests keep what they make: data directories, screenshots. */
export const ARTIFACTS = path.join(process.cwd(), "e2e", ".artifacts");
export const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");

// E2E_PORT_OFFSET moves every port, so two checkouts can run their suites side by side.
const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const SANDBOX_PORT = 8787 + PORT_OFFSET;
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
export const SANDBOX_KEY = "secret_e2e_sandbox_key";

export const CONSOLE_PORT = 3100 + PORT_OFFSET;
export const CONSOLE_URL = `http://127.0.0.1:${CONSOLE_PORT}`;
export const CONSOLE_ENV_LABEL = "E2E";

export const SANDBOX_MODE_CONSOLE_PORT = 3101 + PORT_OFFSET;
export const SANDBOX_MODE_CONSOLE_URL = `http://127.0.0.1:${SANDBOX_MODE_CONSOLE_PORT}`;

/** The Authorization value the live console's webhook receiver expects (ADAPTY_WEBHOOK_AUTHORIZATION). */
export const E2E_WEBHOOK_AUTHORIZATION = "e2e-webhook-authorization-value";
export const WEBHOOK_URL = `${CONSOLE_URL}/api/adapty/webhook`;

/** Signs the live console's sessions; the attack tests forge an expired one with it. */
export const AUTH_SECRET = "e2e-auth-secret-that-is-at-least-32-characters";

/** Password of every staff account prepare-console.sh creates (`<role>@e2e.test`). */
export const E2E_PASSWORD = "e2e-password-1";

/** The throw-away PostgreSQL server that `npm run test:e2e` starts (e2e/tools/with-postgres.sh). */
export function databaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error("TEST_DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e` or `npm test`.");
  return url;
}

const common = { reuseExistingServer: false, timeout: 180_000, stdout: "pipe" as const };

export const sandboxServer = {
  ...common,
  // It sends its webhooks to the live console, retrying after 0.5 s, 1 s, 2 s… instead of Adapty's minutes.
  command: `npx tsx --conditions=react-server server/bin/sandbox.ts --port ${SANDBOX_PORT} --api-key ${SANDBOX_KEY} --memory --webhook-url ${WEBHOOK_URL} --webhook-authorization ${E2E_WEBHOOK_AUTHORIZATION} --webhook-retry-ms 500`,
  port: SANDBOX_PORT,
};

export const consoleServer = () => ({
  ...common,
  command: `bash e2e/tools/prepare-console.sh ${CONSOLE_PORT}`,
  url: `${CONSOLE_URL}/api/health`,
  env: {
    DATABASE_URL: databaseUrl(),
    DATA_DIR: path.join(ARTIFACTS, "console-data"),
    ADAPTY_SECRET_KEY: SANDBOX_KEY,
    ADAPTY_API_URL: SANDBOX_URL,
    ADAPTY_ACCESS_LEVELS: "premium,pro,gold",
    // Short enough for the fault tests to wait out a hung Adapty request quickly.
    ADAPTY_TIMEOUT_MS: "4000",
    // Often, so a change left open by a crashed instance is settled while a test waits.
    RECONCILE_INTERVAL_SECONDS: "3",
    AUTH_SECRET,
    ADAPTY_WEBHOOK_AUTHORIZATION: E2E_WEBHOOK_AUTHORIZATION,
    // As in production behind a proxy: changes are accepted only from this origin.
    AUTH_URL: CONSOLE_URL,
    CONSOLE_ENV_LABEL,
    E2E_PASSWORD,
    NEXT_TELEMETRY_DISABLED: "1",
  },
});

const sandboxModeDataDir = path.join(ARTIFACTS, "sandbox-mode-data");
export const sandboxModeConsoleServer = {
  ...common,
  command: `rm -rf "${sandboxModeDataDir}" && npx next start -p ${SANDBOX_MODE_CONSOLE_PORT} -H 127.0.0.1`,
  url: `${SANDBOX_MODE_CONSOLE_URL}/api/health`,
  env: { DATA_DIR: sandboxModeDataDir, NEXT_TELEMETRY_DISABLED: "1" },
};
