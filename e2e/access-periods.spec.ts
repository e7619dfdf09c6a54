import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { grantArgs } from "./support/attack-arguments";
import { sessionOf } from "./support/auth";
import { cookieOf } from "./support/http-session";
import { expect, test } from "./support/fixtures";
import { sandbox } from "./support/sandbox";
import { E2E_BROWSER_LOCALE, sandboxApi, storedAccessLevel, utcText } from "./support/sandbox-profile";
import { callAction, serverAction } from "./support/server-actions";
import { SCREENSHOTS } from "./support/servers";

// Issue 15, "Access changes": what a grant or revoke does to the access a customer has now,
// said before it is sent, and the profile's words for it afterwards.

test.use({ storageState: sessionOf("agent") });

const DAY = 86_400_000;
const byCustomer = (id: string) => `/profiles/by-customer/${encodeURIComponent(id)}`;
const rowOf = (page: Page, level: string) => page.locator(`tr[data-access-level="${level}"]`);
/** A cell of an access level's row: 2 starts, 3 expires, 5 notes. */
const cellOf = (row: Locator, column: number) => row.locator("td").nth(column);
/** A whole minute some days from now, as Adapty is sent it. */
const inDays = (days: number) => new Date(Math.floor((Date.now() + days * DAY) / 60_000) * 60_000).toISOString();
const asDate = (iso: string | null | undefined) => new Date((iso ?? "").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
/** A moment as the console shows it in a zone, with the zone: "10 Dec 2026, 09:00 CET". */
const zoned = (iso: string | null | undefined, timeZone = "Europe/Berlin") =>
  new Intl.DateTimeFormat(E2E_BROWSER_LOCALE, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(asDate(iso));
/** The same without the zone: "10 Dec 2026, 09:00". */
const plain = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(E2E_BROWSER_LOCALE, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(
    asDate(iso),
  );

async function openGrant(page: Page, customer: string) {
  await page.goto(byCustomer(customer));
  await page.getByRole("button", { name: "Grant access" }).click();
  return page.getByRole("dialog");
}

async function review(dialog: Locator, reason: string) {
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Review" }).click();
}

test("a grant that starts later says, in the preview and the review, that the customer loses access until it starts", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile({ grants: [{ accessLevelId: "premium", expiresAt: inDays(44) }] });
  const dialog = await openGrant(page, customer.customerUserId);
  await dialog.getByLabel("At a chosen time").check(); // tomorrow, at this time
  await dialog.getByText("3 months", { exact: true }).click();
  const loss = new RegExp(
    `^${customer.customerUserId} loses premium from now until .+ Europe/Berlin \\(.+ UTC\\) — 1 day: this grant starts later`,
  );
  await expect(dialog.getByRole("alert")).toHaveText(loss);
  await dialog.getByRole("alert").scrollIntoViewIfNeeded(); // the dialog scrolls within itself
  await page.screenshot({ path: path.join(SCREENSHOTS, "grant-future-start-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await dialog.getByRole("alert").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "grant-future-start-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await review(dialog, "Promotion that starts tomorrow");
  await expect(dialog.getByRole("alert")).toHaveText(loss);
  await page.screenshot({ path: path.join(SCREENSHOTS, "grant-future-start-review.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(rowOf(page, "premium").locator("[data-status]")).toHaveText("Scheduled");
  // What the warning said is what Adapty now holds: nothing until tomorrow.
  const stored = await storedAccessLevel(customer.profileId, "premium");
  expect(asDate(stored?.starts_at).getTime()).toBeGreaterThan(Date.now() + DAY / 2);
});

test("lifetime access reads as lifetime, whether a grant ends it or starts later", async ({ page }) => {
  const dialog = await openGrant(page, "demo-lifetime"); // only read: nothing is sent
  await dialog.getByText("7 days", { exact: true }).click();
  const ends = dialog.getByRole("alert");
  await expect(ends).toHaveText(/^demo-lifetime loses lifetime premium from .+ UTC\) on: this grant ends/);
  await expect(ends).not.toContainText("never (lifetime)");
  await dialog.getByLabel("At a chosen time").check();
  await dialog.getByText("Lifetime", { exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText(/^demo-lifetime loses premium from now until .+ — 1 day:/);
});

test("every time carries its zone, and its UTC time is on screen without a mouse", async ({ page, freshProfile }) => {
  const expiresAt = inDays(30);
  const customer = await freshProfile({ grants: [{ accessLevelId: "premium", expiresAt }] });
  await page.goto(byCustomer(customer.customerUserId));
  const expires = cellOf(rowOf(page, "premium"), 3);
  await expect(expires).toContainText(zoned(expiresAt));
  await expect(expires.getByText(`${utcText(expiresAt)} UTC`)).toBeVisible();

  await page.getByRole("button", { name: "Grant access" }).click();
  await page.getByRole("dialog").getByText("7 days", { exact: true }).click();
  // The shortening warning names the current expiry with its zone and in UTC.
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText(
    `until ${plain(expiresAt, "Europe/Berlin")} Europe/Berlin (${utcText(expiresAt)} UTC)`,
  );
});

test("a revoke refused because the expiry changed elsewhere says the current expiry, and the profile behind refreshes", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile({ like: "demo-renewal-cancelled" }); // expires in 9 days
  await page.goto(byCustomer(customer.customerUserId));
  await page.getByRole("button", { name: "Revoke premium" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("At a later time").check(); // tomorrow
  await review(dialog, "End of the promotion");
  // Meanwhile, in another tab, access is cut to an hour from now.
  const elsewhere = inDays(1 / 24);
  await sandboxApi("/purchase/profile/revoke/access-level/", customer.customerUserId, {
    access_level_id: "premium",
    revoke_at: elsewhere,
  });
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();

  await expect(dialog.getByText(`This is after the current expiry, ${zoned(elsewhere)}.`)).toBeVisible();
  await expect(dialog).toContainText(`${utcText(elsewhere)} UTC`);
  await page.screenshot({ path: path.join(SCREENSHOTS, "revoke-refused-current-expiry.png"), fullPage: true });
  // The profile behind the dialog shows what Adapty holds now, and nothing else was sent.
  await expect(cellOf(rowOf(page, "premium"), 3).locator("time").first()).toHaveAttribute(
    "datetime",
    asDate(elsewhere).toISOString(),
  );
  expect(asDate((await storedAccessLevel(customer.profileId, "premium"))?.expires_at).toISOString()).toBe(
    asDate(elsewhere).toISOString(),
  );
});

test("a level outside ADAPTY_ACCESS_LEVELS that was revoked by mistake can be granted back", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile({ grants: [{ accessLevelId: "ad_free", expiresAt: inDays(30) }] });
  await page.goto(byCustomer(customer.customerUserId));
  await page.getByRole("button", { name: "Revoke ad_free" }).click();
  await review(page.getByRole("dialog"), "Revoked the wrong level");
  await page.getByRole("dialog").getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(rowOf(page, "ad_free").locator("[data-status]")).toHaveText("Expired");

  await page.getByRole("button", { name: "Grant access" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Access level").selectOption("ad_free");
  await expect(dialog.getByText("ad_free is not in this console's ADAPTY_ACCESS_LEVELS")).toBeVisible();
  await review(dialog, "Undo the mistaken revoke");
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(rowOf(page, "ad_free").locator("[data-status]")).toHaveText("Active");
  expect(asDate((await storedAccessLevel(customer.profileId, "ad_free"))?.expires_at).getTime()).toBeGreaterThan(
    Date.now() + 20 * DAY,
  );
});

test("the grant action takes a level outside ADAPTY_ACCESS_LEVELS only for a profile that has or had it, whatever the browser sends", async ({
  freshProfile,
}) => {
  const without = await freshProfile();
  const had = await freshProfile({ grants: [{ accessLevelId: "ad_free", expiresAt: inDays(3) }] });
  const grant = async (profileId: string) =>
    (
      await callAction(serverAction("grantAccessAction"), [grantArgs({ profileId, accessLevelId: "ad_free" })], {
        cookie: cookieOf("agent"),
      })
    ).result?.data;
  expect(await grant(without.profileId)).toMatchObject({
    outcome: "refused",
    fieldErrors: { accessLevelId: "Access.errors.levelNotConfigured" },
  });
  const grants = async (customer: string) =>
    (await sandbox.requests(customer)).filter((request) => request.path.endsWith("/grant/access-level/"));
  expect(await grants(without.customerUserId)).toHaveLength(0);
  expect(await grant(had.profileId)).toMatchObject({ outcome: "succeeded" });
  expect(await grants(had.customerUserId)).toHaveLength(1);
});

test("a scheduled revoke reads as the end of access, a hand grant says when it was granted, an ended subscription never renews", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile({ grants: [{ accessLevelId: "premium", expiresAt: inDays(30) }] });
  await page.goto(byCustomer(customer.customerUserId));
  const row = rowOf(page, "premium");
  await expect(cellOf(row, 2)).toContainText("Granted");
  await expect(row).not.toContainText("since purchase");

  await page.getByRole("button", { name: "Revoke premium" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("At a later time").check();
  await dialog.getByLabel("Time", { exact: true }).fill("09:30");
  await review(dialog, "Ends with the promotion");
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  const banner = page.locator("main [role=status]").filter({ hasText: "revoke scheduled by the console" });
  await expect(banner).toBeVisible();
  const stored = await storedAccessLevel(customer.profileId, "premium");
  const ends = `Access ends ${zoned(stored?.expires_at)} (revoke scheduled by the console)`;
  await expect(banner).toContainText(ends);
  await expect(cellOf(row, 5)).toContainText(ends);
  await expect(row).not.toContainText("adapty_revoked");
  await expect(row.locator("[data-status]")).toHaveText("Revoke scheduled");
  await page.screenshot({ path: path.join(SCREENSHOTS, "access-after-scheduled-revoke.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SCREENSHOTS, "access-after-scheduled-revoke-390.png"), fullPage: true });

  await page.goto(byCustomer("demo-billing-issue")); // expired six days ago, never cancelled
  await expect(page.getByRole("region", { name: "Subscriptions" }).locator("tbody tr td").nth(5)).toHaveText("Ended");
});

test("the grant form's zone follows the agent's current zone on first load", async ({ browser, freshProfile }) => {
  const expiresAt = inDays(30);
  const customer = await freshProfile({ grants: [{ accessLevelId: "premium", expiresAt }] });
  // The saved session's zone is Berlin's; this agent is in Bangkok now.
  const context = await browser.newContext({ storageState: sessionOf("agent"), timezoneId: "Asia/Bangkok" });
  const page = await context.newPage();
  await page.goto(byCustomer(customer.customerUserId));
  await expect(cellOf(rowOf(page, "premium"), 3)).toContainText(plain(expiresAt, "Asia/Bangkok"));
  await page.getByRole("button", { name: "Grant access" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Time zone")).toHaveValue("Asia/Bangkok");
  await expect(dialog.getByTestId("grant-preview")).toContainText("Asia/Bangkok");
  await context.close();
});
