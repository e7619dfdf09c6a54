import path from "node:path";

/** Where the end-to-end tests keep what they make: data directories, screenshots. */
export const ARTIFACTS = path.join(process.cwd(), "e2e", ".artifacts");
export const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");

export const CONSOLE_PORT = 3100;
export const CONSOLE_URL = `http://127.0.0.1:${CONSOLE_PORT}`;
const CONSOLE_DATA_DIR = path.join(ARTIFACTS, "console-data");

/** The built console on embedded defaults: sandbox Adapty and PGlite, in a fresh directory. */
export const consoleServer = {
  command: `rm -rf "${CONSOLE_DATA_DIR}" && npx next start -p ${CONSOLE_PORT} -H 127.0.0.1`,
  url: `${CONSOLE_URL}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "pipe" as const,
  env: { DATA_DIR: CONSOLE_DATA_DIR, NEXT_TELEMETRY_DISABLED: "1" },
};
