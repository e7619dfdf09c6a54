import { defineConfig, devices } from "@playwright/test";
import { CONSOLE_URL, consoleServer, sandboxModeConsoleServer, sandboxServer } from "./e2e/support/servers";

// End-to-end tests drive Debian's Chromium (Playwright's own browser download does not
// work on these machines) against the built console, started here with fresh data: one
// in live mode against the standalone Adapty sandbox over HTTP, one on its embedded
// defaults. `npm test` builds first; `npm run test:e2e` reuses that build.
const CHROMIUM_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];
const browser = {
  ...devices["Desktop Chrome"],
  viewport: { width: 1280, height: 800 },
  launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
};

// Tests seed their own customers (e2e/support/fixtures.ts) and scope the sandbox's faults
// and request log to them, so they run side by side, two at a time. Most of the attack and
// fault suite (e2e/security/) cannot: it floods the console, loads it for a minute, kills
// an instance, takes the database away, demotes the admins, and asserts on the sandbox's
// global request log and the whole audit log. That part ("security") runs after all the
// others, one test at a time. Playwright skips a project when one it depends on failed.
/** The attack and fault specs that need nothing global, and so run beside the rest. */
const SECURITY_BESIDE_THE_REST =
  /security\/(adapty-faults|profile-faults|action-replay|secret-key|webhook-attacks|bulk-attacks|bulk-files)\.spec\.ts$/;
// `npm run test:security` (or E2E_SECURITY_ALONE=1 for a file of it) runs the suite without
// the other tests; otherwise `--project=security` would run them first.
const SECURITY_ALONE = process.env.E2E_SECURITY_ALONE === "1";

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.artifacts/results",
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: CONSOLE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    timezoneId: "Europe/Berlin",
    locale: "en-GB",
  },
  projects: [
    // Signs each role in once through the sign-in page and keeps the session for the tests.
    {
      name: "sign-in",
      testMatch: /auth\.setup\.ts/,
      use: { launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS } },
    },
    { name: "chromium", dependencies: ["sign-in"], testIgnore: /security\//, fullyParallel: true, use: browser },
    // The attack and fault suite (docs/security.md): `npm run test:security` runs both parts alone.
    {
      name: "security-beside",
      dependencies: ["sign-in"],
      testDir: "e2e/security",
      testMatch: SECURITY_BESIDE_THE_REST,
      fullyParallel: true,
      use: browser,
    },
    {
      name: "security",
      dependencies: SECURITY_ALONE ? ["sign-in", "security-beside"] : ["sign-in", "chromium", "security-beside"],
      testDir: "e2e/security",
      testIgnore: SECURITY_BESIDE_THE_REST,
      workers: 1,
      use: browser,
    },
  ],
  webServer: [sandboxServer, consoleServer(), sandboxModeConsoleServer],
});
