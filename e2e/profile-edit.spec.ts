import path from "node:path";
import { sessionOf } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { sandbox } from "./support/sandbox";
import { SANDBOX_KEY, SANDBOX_URL, SCREENSHOTS } from "./support/servers";

// Editing and deleting a profile, and what a viewer may not reach.

test.use({ storageState: sessionOf("agent") });

const stored = async (profileId: string) => {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/profiles/${profileId}`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

test("edit sends only what changed and removes an attribute; an admin then deletes the profile", async ({
  page,
  browser,
  freshProfile,
}) => {
  const { customerUserId, profileId } = await freshProfile({ like: "demo-active-renewing" });
  await page.goto(`/profiles/by-customer/${customerUserId}`);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${customerUserId}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, "edit-profile.png"), fullPage: true });
  await page.getByLabel("Last name").fill("Smith");
  await page.getByRole("button", { name: "Remove level" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(`/profiles/${profileId}`);

  const patch = (await sandbox.requests(customerUserId)).find((r) => r.method === "PATCH");
  expect(patch?.body).toEqual({ last_name: "Smith", custom_attributes: [{ key: "level", value: null }] });
  const { body } = await stored(profileId);
  expect(body.custom_attributes).toEqual([{ key: "favourite_sport", value: "yoga" }]);
  expect(body.fields).toMatchObject({ first_name: "Jane", last_name: "Smith" });

  await expect(page.getByText("Delete this profile")).toHaveCount(0); // agents cannot delete
  await page.goto(`/profiles/${profileId}/edit`);
  await expect(page.getByText("Delete this profile")).toHaveCount(0);

  const admin = await (await browser.newContext({ storageState: sessionOf("admin") })).newPage();
  await admin.goto(`/profiles/${profileId}/edit`);
  await expect(admin.getByText(/removes this customer's profile and all related data in Adapty/)).toBeVisible();
  const remove = admin.getByRole("button", { name: "Delete profile" });
  await expect(remove).toBeDisabled();
  await admin.getByLabel(`Type ${customerUserId} to confirm`).fill(customerUserId);
  await remove.click();
  await expect(admin.getByText(`The profile of ${customerUserId} was deleted in Adapty.`)).toBeVisible();
  expect((await stored(profileId)).status).toBe(404);
});

test("a viewer reaches none of it", async ({ browser }) => {
  const viewer = await (await browser.newContext({ storageState: sessionOf("viewer") })).newPage();
  expect((await viewer.goto("/profiles/new"))?.status()).toBe(403);
  expect((await viewer.goto("/profiles/9c1e5a70-0000-4000-8000-000000000002/edit"))?.status()).toBe(403);
  await viewer.goto("/profiles/by-customer/demo-active-renewing");
  await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
});
