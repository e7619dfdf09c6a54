import path from "node:path";
import { expect, test } from "@playwright/test";
import { SANDBOX_MODE_CONSOLE_URL, SCREENSHOTS } from "./support/servers";

// The console as the README's first command starts it: no configuration at all.
test.use({ baseURL: SANDBOX_MODE_CONSOLE_URL });

const PROFILE_PATH = "/sandbox/adapty/api/v2/server-side-api/profile/";

test("offers the demo accounts and shows a loud SANDBOX banner on every page", async ({ page }) => {
  await page.goto("/profiles");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fprofiles$/);
  await expect(page.getByRole("status", { name: "SANDBOX" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Demo accounts (sandbox only)" })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "sign-in-sandbox.png"), fullPage: true });
  await page.getByRole("button", { name: "Sign in as admin" }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  await expect(page.getByText("admin@sandbox.local")).toBeVisible();
  for (const address of ["/profiles", "/profiles/new", "/audit", "/staff"]) {
    await page.goto(address);
    await expect(page.getByRole("status", { name: "SANDBOX" })).toBeVisible();
  }
  await page.goto("/profiles");
  await page.screenshot({ path: path.join(SCREENSHOTS, "shell-sandbox.png"), fullPage: true });
});

test("reports the built-in sandbox as healthy", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(await response.json()).toMatchObject({
    status: "ok",
    mode: "sandbox",
    adapty: { ok: true, detail: "built-in sandbox" },
  });
});

test("serves the built-in sandbox over HTTP with Adapty's API and errors", async ({ request }) => {
  const found = await request.get(PROFILE_PATH, {
    headers: { Authorization: "Api-Key sandbox", "adapty-customer-user-id": "demo-active-renewing" },
  });
  expect(found.status()).toBe(200);
  expect(found.headers()["request-id"]).toMatch(/^[0-9a-f]{32}$/);
  const { data } = (await found.json()) as {
    data: { customer_user_id: string; access_levels: { access_level_id: string }[] };
  };
  expect(data.customer_user_id).toBe("demo-active-renewing");
  expect(data.access_levels.map((level) => level.access_level_id)).toEqual(["premium"]);

  const customer = `created-over-http-${crypto.randomUUID().slice(0, 8)}`;
  const created = await request.post(PROFILE_PATH, {
    headers: { Authorization: "Api-Key sandbox", "adapty-customer-user-id": customer },
    data: { first_name: "Curl", installation_meta: { device_id: crypto.randomUUID() } },
  });
  expect(created.status()).toBe(200);
  const again = await request.get(PROFILE_PATH, {
    headers: { Authorization: "Api-Key sandbox", "adapty-customer-user-id": customer },
  });
  expect(again.status()).toBe(200);

  const refused = await request.get(PROFILE_PATH, {
    headers: { Authorization: "Api-Key wrong", "adapty-customer-user-id": "x" },
  });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error_code: "not_authenticated", status_code: 401 });

  const missing = await request.get(PROFILE_PATH, {
    headers: { Authorization: "Api-Key sandbox", "adapty-customer-user-id": "nobody" },
  });
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error_code: "profile_does_not_exist" });
});
