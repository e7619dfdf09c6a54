import { sessionOf } from "./support/auth";
import { expect, test } from "./support/fixtures";

// The zone picker an agent can find their way in: their own zone (by its current IANA name,
// though the browser says Asia/Saigon) and UTC first, each zone with its offset now, a search
// that finds old names too.
test.use({ storageState: sessionOf("agent"), timezoneId: "Asia/Saigon" });

test("the zone picker: the agent's zone by its current name and UTC first, offsets, a search that knows old names", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile();
  await page.goto(`/profiles/by-customer/${encodeURIComponent(customer.customerUserId)}`);
  await page.getByRole("button", { name: "Grant access" }).click();
  const dialog = page.getByRole("dialog");
  const zone = dialog.getByLabel("Time zone", { exact: true });
  await expect(zone).toHaveValue("Asia/Ho_Chi_Minh");
  const options = zone.locator("option");
  await expect(options.nth(0)).toHaveText(/^UTC\+07:00 · Asia\/Ho_Chi_Minh — .+/);
  await expect(options.nth(1)).toHaveText(/^UTC\+00:00 · UTC/);
  await expect(zone.locator('option[value="Asia/Saigon"], option[value="Asia/Calcutta"]')).toHaveCount(0);

  await dialog.getByRole("searchbox", { name: /Search zones/ }).fill("calcutta");
  // The zone chosen stays listed whatever the search; the old name finds Kolkata.
  await expect(options).toHaveText([/Asia\/Ho_Chi_Minh/, /^UTC\+05:30 · Asia\/Kolkata/]);
  await zone.selectOption("Asia/Kolkata");
  await dialog.getByText("1 month", { exact: true }).click();
  await expect(dialog.getByTestId("grant-preview")).toContainText("Asia/Kolkata");
});
