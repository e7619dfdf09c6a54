import path from "node:path";
import type { Page } from "@playwright/test";
import { sessionOf } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { cookieOf } from "./support/http-session";
import { sandbox } from "./support/sandbox";
import { callAction, serverAction } from "./support/server-actions";
import { SANDBOX_KEY, SANDBOX_URL, SCREENSHOTS } from "./support/servers";

// Editing a profile: what reaches Adapty, what the agent sees afterwards, and what a
// viewer may not reach. Deleting, and the audit rows of both: profile-delete.spec.ts.

test.use({ storageState: sessionOf("agent") });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SAVED = "Saved. The profile below is what Adapty now holds.";

const stored = async (profileId: string) => {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/profiles/${profileId}`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const patches = async (customerUserId: string) =>
  (await sandbox.requests(customerUserId)).filter((r) => r.method === "PATCH");

async function save(page: Page, profileId: string, reason: string) {
  await page.getByLabel("Reason").fill(reason);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/profiles/${profileId}(\\?.*)?$`));
}

test("edits send only what changed, with the same device id every time; a removed attribute goes as an empty value", async ({
  page,
  freshProfile,
}) => {
  const { customerUserId, profileId } = await freshProfile({ like: "demo-active-renewing" });
  await page.goto(`/profiles/by-customer/${customerUserId}`);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${customerUserId}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, "edit-profile.png"), fullPage: true });
  await page.getByLabel("Last name").fill("Smith");
  await page.getByRole("button", { name: "Remove level" }).click();
  await save(page, profileId, "Customer changed their surname");

  await page.goto(`/profiles/${profileId}/edit`);
  await page.getByLabel("First name").fill("Janet");
  await save(page, profileId, "Customer prefers Janet");

  const [first, second] = await patches(customerUserId);
  expect(first?.body).toEqual({
    last_name: "Smith",
    custom_attributes: [{ key: "level", value: "" }],
    installation_meta: { device_id: expect.stringMatching(UUID) },
  });
  const sentDevice = (first?.body as { installation_meta?: unknown } | undefined)?.installation_meta;
  expect(second?.body).toEqual({ first_name: "Janet", installation_meta: sentDevice });
  expect([first?.status, second?.status]).toEqual([200, 200]);
  const { body } = await stored(profileId);
  expect(body.custom_attributes).toEqual([{ key: "favourite_sport", value: "yoga" }]);
  expect(body.fields).toMatchObject({ first_name: "Janet", last_name: "Smith" });
});

test("after saving, the profile shows at once what Adapty now holds, and says so", async ({ page, freshProfile }) => {
  const { profileId } = await freshProfile({ like: "demo-active-renewing" });
  await page.goto(`/profiles/${profileId}`);
  const attributes = page.getByRole("region", { name: "Custom attributes" });
  await expect(attributes.locator("tbody tr")).toHaveText([/favourite_sport\s*yoga/, /level\s*12/]);
  await page.getByRole("link", { name: "Edit" }).click(); // in the same tab: the page's profile is still held
  await page.locator("#attr-value-0").fill("climbing");
  await page.getByRole("button", { name: "Add attribute" }).click();
  await page.locator("#attr-key-2").fill("team");
  await page.locator("#attr-value-2").fill("red");
  await save(page, profileId, "Customer's sport and team, from the ticket");

  await expect(page.getByText(SAVED)).toBeVisible();
  await expect(attributes.locator("tbody tr")).toHaveText([/favourite_sport\s*climbing/, /level\s*12/, /team\s*red/]);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `profile-after-edit-${width}.png`), fullPage: true });
  }
  // The message is about that save: a reload later does not repeat it.
  await page.reload();
  await expect(attributes.locator("tbody tr")).toHaveCount(3);
  await expect(page.getByText(SAVED)).toHaveCount(0);
});

test("a custom attribute key used twice is refused on the second one, in the form and in the action", async ({
  page,
  freshProfile,
}) => {
  const { customerUserId, profileId } = await freshProfile({ like: "demo-active-renewing" });
  await page.goto(`/profiles/${profileId}/edit`);
  await page.getByRole("button", { name: "Add attribute" }).click();
  await page.locator("#attr-key-2").fill("favourite_sport");
  await page.locator("#attr-value-2").fill("tennis");
  await page.getByLabel("Reason").fill("Customer's sport");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#attr-key-2-error")).toHaveText(
    "This key is already used above: a profile holds one value per key.",
  );
  await expect(page.locator("#attr-key-0")).not.toHaveAttribute("aria-invalid", "true");
  await page.locator("[data-attribute-row='2']").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "edit-duplicate-key.png"), fullPage: true });
  expect(await patches(customerUserId)).toHaveLength(0);

  // A crafted call gets the same answer, and nothing reaches Adapty either.
  const crafted = await callAction(
    serverAction("updateProfileAction"),
    [
      {
        profileId,
        custom_attributes: [
          { key: "team", type: "string", value: "red" },
          { key: "team", type: "string", value: "blue" },
        ],
        reason: "crafted",
        idempotencyKey: crypto.randomUUID(),
      },
    ],
    { cookie: cookieOf("agent") },
  );
  // Refused by the action's own schema (an error inside a list is not named by field over the wire).
  expect(crafted.result?.validationErrors).toBeDefined();
  expect(crafted.result?.data).toBeUndefined();
  expect(await patches(customerUserId)).toHaveLength(0);
});

test("a viewer reaches none of it", async ({ browser }) => {
  const viewer = await (await browser.newContext({ storageState: sessionOf("viewer") })).newPage();
  expect((await viewer.goto("/profiles/new"))?.status()).toBe(403);
  expect((await viewer.goto("/profiles/9c1e5a70-0000-4000-8000-000000000002/edit"))?.status()).toBe(403);
  await viewer.goto("/profiles/by-customer/demo-active-renewing");
  await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
});
