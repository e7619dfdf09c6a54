import { randomUUID } from "node:crypto";
import path from "node:path";
import { sessionOf } from "./support/auth";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { SCREENSHOTS } from "./support/servers";
import { adaptyEventBody, deliver } from "./support/webhooks";

// Customers quote an email or a receipt, not an Adapty id: the lookup finds them from what
// Adapty's webhook events said (the index), as well as by exact id at Adapty.
test.use({ storageState: sessionOf("viewer") });

const LOOKUP = "Customer user id, profile id, email or transaction id";

async function lookUp(page: Page, words: string) {
  await page.goto("/profiles");
  await page.getByLabel(LOOKUP).fill(words);
  await page.getByLabel(LOOKUP).press("Enter");
}

test("an email from a webhook event opens its customer, whatever its case", async ({ page, freshProfile }) => {
  const { profileId, customerUserId } = await freshProfile();
  const email = `Jane.${randomUUID().slice(0, 8)}@Example.com`;
  expect((await deliver(adaptyEventBody({ profileId, customerUserId, email }))).status).toBe(200);
  await lookUp(page, email.toLowerCase());
  await expect(page).toHaveURL(`/profiles/${profileId}`);
  await expect(page.getByTestId("customer-user-id")).toHaveText(customerUserId);
});

test("a store transaction id or original transaction id opens the customer it belongs to", async ({
  page,
  freshProfile,
}) => {
  const { profileId, customerUserId } = await freshProfile();
  const transactionId = `7${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const originalTransactionId = `1${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  await deliver(
    adaptyEventBody({
      profileId,
      customerUserId,
      properties: { transaction_id: transactionId, original_transaction_id: originalTransactionId },
    }),
  );
  await lookUp(page, transactionId);
  await expect(page).toHaveURL(`/profiles/${profileId}`);
  await page.goto(`/profiles/find?q=${originalTransactionId}`);
  await expect(page).toHaveURL(`/profiles/${profileId}`);
});

test("two customers with one email are offered as a choice, each with what tells them apart", async ({
  page,
  freshProfile,
}) => {
  const first = await freshProfile();
  const second = await freshProfile();
  const email = `family-${randomUUID().slice(0, 8)}@example.com`;
  await deliver(adaptyEventBody({ ...first, email, eventType: "subscription_started" }));
  await deliver(
    adaptyEventBody({
      ...second,
      email,
      eventType: "access_level_updated",
      properties: { access_level_id: "premium", is_active: true, expires_at: "2027-01-06T10:00:00.000000+0000" },
    }),
  );
  await lookUp(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Customers matching “${email}”`);
  await expect(page.getByText("2 customers match. Choose one:")).toBeVisible();
  const entries = page.locator("[data-profile-id]");
  await expect(entries).toHaveCount(2);
  const secondEntry = page.locator(`[data-profile-id="${second.profileId}"]`);
  await expect(secondEntry).toContainText("premium until 6 Jan 2027");
  await expect(secondEntry).toContainText("Found by email");
  await page.screenshot({ path: path.join(SCREENSHOTS, "search-two-customers-one-email.png"), fullPage: true });
  await secondEntry.getByRole("link", { name: second.customerUserId }).click();
  await expect(page).toHaveURL(`/profiles/${second.profileId}`);
});

test("the start of a customer user id lists the customers it begins, and an exact id still opens its own", async ({
  page,
  freshProfile,
}) => {
  const first = await freshProfile();
  const second = await freshProfile();
  // Both made by this test: their ids share the test's prefix (e2e-<test id>-<n>-…).
  const prefix = first.customerUserId.split("-").slice(0, -2).join("-");
  for (const { profileId, customerUserId } of [first, second]) {
    await page.goto(`/profiles/${profileId}`); // opened profiles join the index, just after the page
    await expect(page.getByTestId("customer-user-id")).toHaveText(customerUserId);
  }
  await expect
    .poll(
      async () => {
        await page.goto(`/profiles/find?q=${encodeURIComponent(prefix)}`);
        return page.locator("[data-profile-id]").count();
      },
      { timeout: 10_000 },
    )
    .toBe(2);
  await expect(page.getByText("Found by start of the customer user id").first()).toBeVisible();
  await lookUp(page, first.customerUserId);
  await expect(page).toHaveURL(`/profiles/${first.profileId}`);
});

test("nothing found says what was searched and what the index covers", async ({ page }) => {
  const words = `nobody-${randomUUID()}@example.com`;
  await lookUp(page, words);
  await expect(page.getByRole("alert").filter({ hasText: words })).toBeVisible();
  await expect(
    page.getByText(/Also searched the console's index by email, store transaction id, original transaction id/),
  ).toBeVisible();
  await expect(page.getByText(/It covers customers from Adapty's webhook events since/)).toBeVisible();
});
