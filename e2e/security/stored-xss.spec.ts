import path from "node:path";
import { expect, test } from "@playwright/test";
import { sessionOf } from "../support/auth";
import { cookieOf } from "../support/http-session";
import { callAction, serverAction } from "../support/server-actions";
import { SANDBOX_KEY, SANDBOX_URL, SCREENSHOTS } from "../support/servers";
import { watchForExecution } from "../support/xss-watch";

// Threat: stored cross-site scripting. Customer data comes from the app's end users —
// anyone can name themselves "<script>…" — and the console shows it to staff with the
// power to change access. Every page that shows it must show it as text.

// The hostile customer is this file's own (made through the console's create action, as an app would).
const PAYLOAD_ID = `"><svg onload=alert('id')><script>alert('id')</script>-${crypto.randomUUID().slice(0, 8)}`;
const FIRST_NAME = `<script>alert('first')</script>`;
const LAST_NAME = `<img src=x onerror=alert('last')>`;
const ATTRIBUTES = [
  { key: "xss_img", type: "string", value: `<img src=x onerror=alert('attr')>` },
  { key: "xss_link", type: "string", value: "javascript:alert('attr-link')" },
  { key: "xss_template", type: "string", value: "{{constructor.constructor('alert(1)')()}}" },
];

let profileId = "";

test.beforeAll(async () => {
  const created = await callAction(
    serverAction("createProfileAction"),
    [
      {
        customer_user_id: PAYLOAD_ID,
        first_name: FIRST_NAME,
        last_name: LAST_NAME,
        custom_attributes: ATTRIBUTES,
        idempotencyKey: crypto.randomUUID(),
      },
    ],
    { cookie: cookieOf("agent") },
  );
  expect(created.result?.data).toMatchObject({ outcome: "succeeded" });
  const stored = await fetch(`${SANDBOX_URL}/api/v2/server-side-api/profile/`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "adapty-customer-user-id": PAYLOAD_ID },
  });
  expect(stored.status).toBe(200);
  profileId = ((await stored.json()) as { data: { profile_id: string } }).data.profile_id;
});

test("every page that shows a hostile customer's data shows it as text and runs nothing", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await (await browser.newContext({ storageState: sessionOf("admin") })).newPage();
  const watch = watchForExecution(page);

  await page.goto(`/profiles/by-customer/${encodeURIComponent(PAYLOAD_ID)}`);
  await expect(page.getByTestId("customer-user-id")).toHaveText(PAYLOAD_ID);
  const attributes = page.getByRole("region", { name: "Custom attributes" });
  for (const attribute of ATTRIBUTES) await expect(attributes).toContainText(attribute.value);
  await page.screenshot({ path: path.join(SCREENSHOTS, "xss-profile.png"), fullPage: true });
  await watch.expectInert("profile by customer user id");

  await page.goto(`/profiles/${profileId}`);
  await expect(page.getByTestId("customer-user-id")).toHaveText(PAYLOAD_ID);
  await watch.expectInert("profile by profile id");

  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page.getByRole("dialog")).toContainText(PAYLOAD_ID);
  await watch.expectInert("grant dialog");
  await page.keyboard.press("Escape");

  await page.goto(`/profiles/${profileId}/edit`);
  await expect(page.getByLabel(`Type ${PAYLOAD_ID} to confirm`)).toBeVisible();
  const values = await page
    .locator("input")
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  for (const attribute of ATTRIBUTES) expect(values).toContain(attribute.value);
  await watch.expectInert("edit page");

  await page.goto("/profiles");
  await expect(page.getByRole("region", { name: "Your recent lookups" })).toContainText(PAYLOAD_ID);
  await watch.expectInert("recent lookups");

  await page.goto(`/profiles/find?q=${encodeURIComponent(PAYLOAD_ID)}`);
  await expect(page.getByTestId("customer-user-id")).toHaveText(PAYLOAD_ID);
  await watch.expectInert("lookup");

  await page.goto(`/profiles/by-customer/${encodeURIComponent(`${PAYLOAD_ID}-missing`)}`);
  await expect(page.locator("main")).toContainText(`${PAYLOAD_ID}-missing`);
  await watch.expectInert("not found");

  await page.goto("/profiles/new");
  await page.getByLabel("Customer user id", { exact: true }).fill(PAYLOAD_ID);
  await page.getByRole("button", { name: "Create profile" }).click();
  await expect(page.locator("main")).toContainText("already");
  await watch.expectInert("create: existing customer offered");

  await page.goto(`/audit?user=${encodeURIComponent(PAYLOAD_ID)}`);
  await page.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
  await expect(page.locator("main")).toContainText(PAYLOAD_ID);
  await expect(page.locator("main")).toContainText(FIRST_NAME);
  await expect(page.locator("main")).toContainText(LAST_NAME);
  await page.screenshot({ path: path.join(SCREENSHOTS, "xss-audit.png"), fullPage: true });
  await watch.expectInert("audit page");
});
