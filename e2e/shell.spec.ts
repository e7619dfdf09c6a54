import path from "node:path";
import { expect, test } from "@playwright/test";
import { SCREENSHOTS } from "./support/servers";

test("the console opens on Look up with the sandbox banner and the navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/profiles$/);
  await expect(page.getByRole("status", { name: "SANDBOX" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Look up a customer" })).toBeVisible();

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveText(["Look up", "Create profile", "Audit"]);
  await expect(nav.getByRole("link", { name: "Look up" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: path.join(SCREENSHOTS, "shell-lookup.png"), fullPage: true });

  await nav.getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("status", { name: "SANDBOX" })).toBeVisible();

  await nav.getByRole("link", { name: "Create profile" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create profile" })).toBeVisible();
});

test("an unknown address shows a plain-words 404 with a way back", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to Look up" }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  await page.goto("/no/such/page");
  await page.screenshot({ path: path.join(SCREENSHOTS, "not-found.png") });
});

test("the health endpoint reports the database and Adapty, and nothing secret", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({
    status: "ok",
    mode: "sandbox",
    database: { ok: true, latencyMs: expect.any(Number), detail: "reachable" },
    adapty: { ok: true, latencyMs: expect.any(Number), detail: "built-in sandbox" },
  });
});
