import { defineConfig, devices } from "@playwright/test";
import { CONSOLE_URL, consoleServer, sandboxModeConsoleServer, sandboxServer } from "./e2e/support/servers";

// End-to-end tests drive Debian's Chromium (Playwright's own browser download does not
// work on these machines) against the built console, started here with fresh data: one
// in live mode against the standalone Adapty sandbox over HTTP, one on its embedded
// defaults. `npm test` builds first; `npm run test:e2e` reuses that build.
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
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
        },
      },
    },
  ],
  webServer: [sandboxServer, consoleServer, sandboxModeConsoleServer],
});
