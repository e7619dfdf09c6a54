import path from "node:path";
import { sessionOf, signIn } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { sandbox } from "./support/sandbox";
import { SANDBOX_KEY, SANDBOX_URL, SCREENSHOTS } from "./support/servers";

// Editing and deleting ask why (and carry the link's ticket), and their audit rows name
// the customer by both ids; a deleted customer leaves the agent's recent lookups.

test.use({ storageState: sessionOf("agent") });

const storedStatus = async (profileId: string) =>
  (
    await fetch(`${SANDBOX_URL}/__sandbox/profiles/${profileId}`, {
      headers: { Authorization: `Api-Key ${SANDBOX_KEY}` },
    })
  ).status;
const rowsOf = (action: string, profileId: string) =>
  query<{ outcome: string; reason: string | null; ticket: string | null; customer: string | null }>(
    "select outcome::text, reason, ticket, target_customer_user_id as customer from audit_events where action = $1 and target_profile_id = $2",
    [action, profileId],
  );

test("an edit asks for a reason, carries the link's ticket, and its row names the customer", async ({
  page,
  freshProfile,
}) => {
  const { customerUserId, profileId } = await freshProfile({ like: "demo-active-renewing" });
  await page.goto(`/profiles/by-customer/${customerUserId}?ticket=ZD-4242`);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Ticket")).toHaveValue("ZD-4242");
  await page.getByLabel("Last name").fill("Smith");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#edit-reason-error")).toHaveText("Give a reason: it is kept in the audit log.");
  await expect(page.getByLabel("Reason")).toBeFocused();
  expect((await sandbox.requests(customerUserId)).filter((r) => r.method === "PATCH")).toHaveLength(0);

  await page.getByLabel("Reason").fill("New surname after marriage");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved. The profile below is what Adapty now holds.")).toBeVisible();
  // Back on the profile, the ticket is still the one actions are taken under.
  await expect(page.getByText("Ticket ZD-4242 will be attached to actions taken from this page.")).toBeVisible();
  expect(await rowsOf("profile.updated", profileId)).toEqual([
    { outcome: "succeeded", reason: "New surname after marriage", ticket: "ZD-4242", customer: customerUserId },
  ]);
});

test("a delete asks for a reason, its row names the customer, and the customer leaves recent lookups", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const { customerUserId, profileId } = await freshProfile({ like: "demo-lifetime" });
  // An admin of this test's own, so that the recent lookups are this test's alone.
  const admin = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(admin, await freshStaff("admin"));
  await admin.goto(`/profiles/${profileId}?ticket=ZD-77`);
  await admin.goto("/profiles");
  const recent = admin.getByRole("region", { name: "Your recent lookups" });
  await expect(recent).toContainText(customerUserId);

  await admin.goto(`/profiles/${profileId}?ticket=ZD-77`);
  await admin.getByRole("link", { name: "Edit" }).click();
  const danger = admin.getByRole("region", { name: "Delete this profile" });
  await expect(danger.getByLabel("Ticket")).toHaveValue("ZD-77");
  await danger.getByLabel(`Type ${customerUserId} to confirm`).fill(customerUserId);
  await danger.getByRole("button", { name: "Delete profile" }).click();
  await expect(danger.locator("#delete-reason-error")).toHaveText("Give a reason: it is kept in the audit log.");
  expect(await storedStatus(profileId)).toBe(200);
  await danger.getByLabel("Reason").fill("Erasure request from the customer");
  for (const width of [1280, 390]) {
    await admin.setViewportSize({ width, height: 900 });
    await danger.screenshot({ path: path.join(SCREENSHOTS, `delete-with-reason-${width}.png`) });
  }
  await danger.getByRole("button", { name: "Delete profile" }).click();

  await expect(admin.getByText(`The profile of ${customerUserId} was deleted in Adapty.`)).toBeVisible();
  expect(await storedStatus(profileId)).toBe(404);
  expect(await rowsOf("profile.deleted", profileId)).toEqual([
    { outcome: "succeeded", reason: "Erasure request from the customer", ticket: "ZD-77", customer: customerUserId },
  ]);
  await expect(recent).not.toContainText(customerUserId);
  await expect(recent).not.toContainText(profileId);
});

test("an agent is not offered delete", async ({ page, freshProfile }) => {
  const { profileId } = await freshProfile();
  await page.goto(`/profiles/${profileId}/edit`);
  await expect(page.getByLabel("Last name")).toBeVisible();
  await expect(page.getByText("Delete this profile")).toHaveCount(0);
});
