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

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.artifacts/results",
  fullyParallel: false,
  workers: 1,
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
    { name: "chromium", dependencies: ["sign-in"], testIgnore: /security\//, use: browser },
    // The attack and fault suite (docs/security.md): `npm run test:security` runs it alone.
    { name: "security", dependencies: ["sign-in"], testDir: "e2e/security", use: browser },
  ],
  webServer: [sandboxServer, consoleServer(), sandboxModeConsoleServer],
});
