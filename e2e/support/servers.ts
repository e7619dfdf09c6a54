import path from "node:path";

// The processes the end-to-end tests run against. The console under test runs in live
// mode against the standalone Adapty sandbox over real HTTP, so the production code path
// is the one tested; a second console runs on its embedded defaults (sandbox mode).

/** Where the end-to-end tests keep what they make: data directories, screenshots. */
export const ARTIFACTS = path.join(process.cwd(), "e2e", ".artifacts");
export const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");

export const SANDBOX_PORT = 8787;
export const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
export const SANDBOX_KEY = "secret_e2e_sandbox_key";

export const CONSOLE_PORT = 3100;
export const CONSOLE_URL = `http://127.0.0.1:${CONSOLE_PORT}`;
export const CONSOLE_ENV_LABEL = "E2E";

export const SANDBOX_MODE_CONSOLE_PORT = 3101;
export const SANDBOX_MODE_CONSOLE_URL = `http://127.0.0.1:${SANDBOX_MODE_CONSOLE_PORT}`;

const common = { reuseExistingServer: false, timeout: 60_000, stdout: "pipe" as const };

export const sandboxServer = {
  ...common,
  command: `npx tsx --conditions=react-server server/bin/sandbox.ts --port ${SANDBOX_PORT} --api-key ${SANDBOX_KEY} --memory`,
  port: SANDBOX_PORT,
};

function consoleCommand(port: number, dataDir: string): string {
  return `rm -rf "${dataDir}" && npx next start -p ${port} -H 127.0.0.1`;
}

export const consoleServer = {
  ...common,
  command: consoleCommand(CONSOLE_PORT, path.join(ARTIFACTS, "console-data")),
  url: `${CONSOLE_URL}/api/health`,
  env: {
    DATA_DIR: path.join(ARTIFACTS, "console-data"),
    ADAPTY_SECRET_KEY: SANDBOX_KEY,
    ADAPTY_API_URL: SANDBOX_URL,
    ADAPTY_ACCESS_LEVELS: "premium,pro",
    AUTH_SECRET: "e2e-auth-secret-that-is-at-least-32-characters",
    CONSOLE_ENV_LABEL,
    NEXT_TELEMETRY_DISABLED: "1",
  },
};

export const sandboxModeConsoleServer = {
  ...common,
  command: consoleCommand(SANDBOX_MODE_CONSOLE_PORT, path.join(ARTIFACTS, "sandbox-mode-data")),
  url: `${SANDBOX_MODE_CONSOLE_URL}/api/health`,
  env: { DATA_DIR: path.join(ARTIFACTS, "sandbox-mode-data"), NEXT_TELEMETRY_DISABLED: "1" },
};
