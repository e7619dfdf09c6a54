import path from "node:path";
import { expect, test } from "@playwright/test";
import { sessionOf } from "./support/auth";
import { sandbox } from "./support/sandbox";
import { CONSOLE_ENV_LABEL, SCREENSHOTS } from "./support/servers";

test.use({ storageState: sessionOf("agent") });

/** The profile id the console's health check asks Adapty for (one that cannot exist: server/health.ts). */
const HEALTH_CHECK_PROFILE = "00000000-0000-0000-0000-000000000000";

test("the console opens on Look up with the environment banner and the navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/profiles$/);
  await expect(page.getByRole("status", { name: CONSOLE_ENV_LABEL })).toBeVisible();
  await expect(page.getByText("SANDBOX")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Look up a customer" })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["Look up", "Create profile", "Audit", "Bulk changes"]);
  await expect(page.getByText("agent@e2e.test")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Look up" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: path.join(SCREENSHOTS, "shell-live.png"), fullPage: true });

  await nav.getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Create profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create profile" })).toBeVisible();
});

test("an unknown address shows a plain-words 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "not-found.png") });
  await page.getByRole("link", { name: "Go to Look up" }).click();
  await expect(page).toHaveURL(/\/profiles$/);
});

// The two health tests share the console's one cached Adapty check (and its faults): one after the other.
test.describe("health", () => {
  test.describe.configure({ mode: "default" });

  test("the health endpoint asks Adapty over HTTP and reveals nothing secret", async ({ request }) => {
    await expect.poll(async () => (await request.get("/api/health")).status()).toBe(200);
    await sandbox.clearRequests(HEALTH_CHECK_PROFILE);
    await new Promise((resolve) => setTimeout(resolve, 2_100)); // past the 2 s between Adapty checks
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toContain("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      status: "ok",
      mode: "live",
      database: { ok: true, latencyMs: expect.any(Number), detail: "reachable" },
      adapty: { ok: true, latencyMs: expect.any(Number), detail: "reachable, key accepted" },
    });
    expect(text).not.toContain("secret_e2e_sandbox_key");

    // The check reached the sandbox as a profile read for an id that cannot exist.
    const requests = await sandbox.requests(HEALTH_CHECK_PROFILE);
    expect(requests).toContainEqual(
      expect.objectContaining({
        method: "GET",
        path: "/api/v2/server-side-api/profile/",
        profileId: "00000000-0000-0000-0000-000000000000",
        status: 404,
      }),
    );
  });

  test("the health endpoint reports Adapty down as 503 while the console keeps serving", async ({ request, page }) => {
    // Only the health check's requests fail: the other tests' customers are answered as usual.
    await sandbox.faults({ failNext: { count: 100, status: 503 } }, HEALTH_CHECK_PROFILE);
    try {
      // The console asks Adapty at most every 2 s, so the failure shows on a later call.
      await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 15_000 }).toBe(503);
      const response = await request.get("/api/health");
      expect(await response.json()).toMatchObject({
        status: "degraded",
        database: { ok: true },
        adapty: { ok: false, detail: "unavailable" },
      });
      await page.goto("/profiles");
      await expect(page.getByRole("heading", { level: 1, name: "Look up a customer" })).toBeVisible();
    } finally {
      await sandbox.clearFaults(HEALTH_CHECK_PROFILE);
    }
  });
});
