import path from "node:path";
import type { Page } from "@playwright/test";
import { sessionOf } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { sandbox } from "./support/sandbox";
import { storedAccessLevel, utcText } from "./support/sandbox-profile";
import { SCREENSHOTS } from "./support/servers";

test.use({ storageState: sessionOf("agent") });

const byCustomer = (id: string) => `/profiles/by-customer/${encodeURIComponent(id)}`;
const statusOf = (page: Page, level: string) => page.locator(`tr[data-access-level="${level}"] [data-status]`);
const GRANT_PATH = "/api/v2/server-side-api/purchase/profile/grant/access-level/";
const REVOKE_PATH = "/api/v2/server-side-api/purchase/profile/revoke/access-level/";
/** The changes of this kind that reached Adapty for one customer. */
const changesReceived = async (customer: string, pathname: string) =>
  (await sandbox.requests(customer)).filter((r) => r.path === pathname);

async function openGrant(page: Page, customer: string, ticket?: string) {
  await page.goto(`${byCustomer(customer)}${ticket ? `?ticket=${ticket}` : ""}`);
  await page.getByRole("button", { name: "Grant access" }).click();
  return page.getByRole("dialog");
}

test("grant one month: the sandbox holds exactly the previewed expiry, and the audit row says who and why", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile();
  const dialog = await openGrant(page, customer.customerUserId, "ZD-77");
  await expect(dialog.getByLabel("Ticket")).toHaveValue("ZD-77");
  await dialog.getByText("1 month", { exact: true }).click();
  await dialog.getByLabel("Reason").fill("Referral reward for inviting 3 friends");
  const preview = (await dialog.getByTestId("grant-preview").textContent()) ?? "";
  expect(preview).toMatch(/^premium from now until .+ Europe\/Berlin \(.+ UTC\) — (30|31) days$/);
  await page.screenshot({ path: path.join(SCREENSHOTS, "grant-dialog.png"), fullPage: true });

  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByTestId("grant-confirmation")).toContainText("Ends:");
  await expect(dialog.getByTestId("grant-confirmation")).toContainText(
    "Reason: Referral reward for inviting 3 friends",
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, "grant-confirmation.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();

  await expect(page.getByText("Granted. The profile below is what Adapty now holds.")).toBeVisible();
  await expect(statusOf(page, "premium")).toHaveText("Active");
  const stored = await storedAccessLevel(customer.profileId, "premium");
  expect(preview).toContain(`(${utcText(stored?.expires_at)} UTC)`);
  await page.screenshot({ path: path.join(SCREENSHOTS, "grant-result.png"), fullPage: true });

  const [row] = await query<{
    actor_email: string;
    reason: string;
    ticket: string;
    outcome: string;
    idempotency_key: string;
    access_after: { expires_at: string };
  }>(
    "select actor_email, reason, ticket, outcome, idempotency_key, access_after from audit_events where action = 'access_level.granted' and target_profile_id = $1 order by id desc limit 1",
    [customer.profileId],
  );
  expect(row).toMatchObject({
    actor_email: "agent@e2e.test",
    reason: "Referral reward for inviting 3 friends",
    ticket: "ZD-77",
    outcome: "succeeded",
  });
  expect(row?.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);
  expect(row?.access_after.expires_at).toBe(stored?.expires_at);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Referral reward for inviting 3 friends");
});

test("a scheduled start and a lifetime grant", async ({ page, browser, freshProfile }) => {
  const customer = await freshProfile();
  let dialog = await openGrant(page, customer.customerUserId);
  await dialog.getByLabel("At a chosen time").check();
  await dialog.getByText("7 days", { exact: true }).click();
  await dialog.getByLabel("Reason").fill("Outage make-good, starts with the next period");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByTestId("grant-confirmation")).toContainText("Starts:");
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(statusOf(page, "premium")).toHaveText("Scheduled");
  const scheduled = await storedAccessLevel(customer.profileId, "premium");
  expect(Date.parse(scheduled?.starts_at ?? "")).toBeGreaterThan(Date.now());

  // Lifetime is beyond an agent's grant policy (e2e/support/policy.ts): an admin grants it.
  const admin = await (await browser.newContext({ storageState: sessionOf("admin") })).newPage();
  dialog = await openGrant(admin, customer.customerUserId);
  await dialog.getByLabel("Access level").selectOption("pro");
  await dialog.getByText("Lifetime", { exact: true }).click();
  await dialog.getByLabel("Reason").fill("Beta tester, for life");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByTestId("grant-confirmation")).toContainText("Lifetime: no end");
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(statusOf(admin, "pro")).toHaveText("Lifetime");
  expect((await storedAccessLevel(customer.profileId, "pro"))?.expires_at).toBeNull();
});

test("a grant that would shorten current access is flagged before it is sent", async ({ page }) => {
  const dialog = await openGrant(page, "demo-lifetime"); // only read: nothing is sent
  await dialog.getByText("7 days", { exact: true }).click();
  await expect(dialog.getByText(/^demo-lifetime loses lifetime premium from /)).toBeVisible();
});

test("a reason is required, on its field, and nothing is sent", async ({ page, freshProfile }) => {
  const { customerUserId } = await freshProfile();
  const dialog = await openGrant(page, customerUserId);
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByText("Give a reason: it is kept in the audit log.")).toBeVisible();
  expect(await changesReceived(customerUserId, GRANT_PATH)).toHaveLength(0);
});

test("Adapty's refusal of an unknown access level lands on that field", async ({ page, freshProfile }) => {
  const customer = await freshProfile();
  const dialog = await openGrant(page, customer.customerUserId);
  await dialog.getByLabel("Access level").selectOption("gold");
  await dialog.getByLabel("Reason").fill("Testing an access level the app lacks");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(dialog.getByText("Adapty has no access level with this id in the app.")).toBeVisible();
  const [row] = await query<{ outcome: string; adapty_error_code: string }>(
    "select outcome, adapty_error_code from audit_events where action = 'access_level.granted' and target_profile_id = $1 order by id desc limit 1",
    [customer.profileId],
  );
  expect(row).toEqual({ outcome: "failed", adapty_error_code: "paid_access_level_does_not_exist" });
});

test("a double click on Grant makes exactly one Adapty call", async ({ page, freshProfile }) => {
  const { customerUserId } = await freshProfile();
  const dialog = await openGrant(page, customerUserId);
  await dialog.getByLabel("Reason").fill("Double-click test");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Grant", exact: true }).dblclick();
  await expect(statusOf(page, "premium")).toHaveText("Active");
  expect(await changesReceived(customerUserId, GRANT_PATH)).toHaveLength(1);
});

test("revoke now, and revoke at a later time", async ({ page, freshProfile }) => {
  const renewing = await freshProfile({ like: "demo-active-renewing" });
  const cancelled = await freshProfile({ like: "demo-renewal-cancelled" });
  await page.goto(byCustomer(renewing.customerUserId));
  await page.getByRole("button", { name: "Revoke premium" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Refund issued via Zendesk");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByTestId("revoke-confirmation")).toContainText("Access ends: now");
  await page.screenshot({ path: path.join(SCREENSHOTS, "revoke-confirmation.png"), fullPage: true });
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(statusOf(page, "premium")).toHaveText("Expired");
  expect(Date.parse((await storedAccessLevel(renewing.profileId, "premium"))?.expires_at ?? "")).toBeLessThanOrEqual(
    Date.now(),
  );

  await page.goto(byCustomer(cancelled.customerUserId));
  await page.getByRole("button", { name: "Revoke premium" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel("At a later time").check();
  await dialog.getByLabel("Time", { exact: true }).fill("09:30");
  await dialog.getByLabel("Reason").fill("Shorten to end of promotion");
  await dialog.getByRole("button", { name: "Review" }).click();
  const confirmation = (await dialog.getByTestId("revoke-confirmation").textContent()) ?? "";
  await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByText(/^Access ends .+ \(revoke scheduled by the console\)\./)).toBeVisible();
  const stored = await storedAccessLevel(cancelled.profileId, "premium");
  expect(confirmation).toContain(`(${utcText(stored?.expires_at)} UTC)`);
  await expect(statusOf(page, "premium")).toHaveText("Revoke scheduled");
});

test("a revoke after the current expiry is refused on its field before anything is sent", async ({
  page,
  freshProfile,
}) => {
  const { customerUserId } = await freshProfile({ like: "demo-renewal-cancelled" }); // expires in 9 days
  await page.goto(byCustomer(customerUserId));
  await page.getByRole("button", { name: "Revoke premium" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("At a later time").check();
  for (let month = 0; month < 2; month++) await dialog.getByRole("button", { name: /next month/i }).click();
  await dialog.locator(".rdp-day:not(.rdp-disabled):not(.rdp-outside) button").first().click();
  await dialog.getByLabel("Reason").fill("Too late");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByText("This is after the current expiry. Revoking can only end access sooner")).toBeVisible();
  expect(await changesReceived(customerUserId, REVOKE_PATH)).toHaveLength(0);
});

test("a viewer sees the profile but no grant or revoke controls", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: sessionOf("viewer") })).newPage();
  await page.goto(byCustomer("demo-active-renewing"));
  await expect(statusOf(page, "premium")).toHaveText("Active");
  await expect(page.getByRole("button", { name: "Grant access" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
});

test("the grant form's code arrives when the agent reaches for it; a failed download says so and a retry works", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile();
  const address = byCustomer(customer.customerUserId);
  // The network serves only the scripts the page itself names (its HTML and the components in
  // it); everything else — the dialog's code, and other pages' code Next.js prefetches — fails.
  const html = await (await page.request.get(address)).text();
  const named = new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.~-]+\.js/g)].map((match) => match[0]));
  expect(named.size).toBeGreaterThan(3);
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.route("**/_next/static/chunks/**", (route) =>
    named.has(new URL(route.request().url()).pathname) ? route.continue() : route.abort(),
  );
  await page.goto(address);
  await page.waitForLoadState("networkidle");
  const atLoad = scripts.length;
  const grant = page.getByRole("button", { name: "Grant access" });
  await grant.click();
  const failure = page
    .getByRole("alert")
    .filter({ hasText: "The form could not be loaded. Check the connection and try again." });
  await expect(failure).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(grant).toBeFocused();

  await page.unroute("**/_next/static/chunks/**");
  await grant.click();
  await expect(page.getByRole("dialog").getByLabel("Reason")).toBeVisible();
  await expect(failure).toBeHidden();
  expect(scripts.length).toBeGreaterThan(atLoad); // the dialog's code came only now
});
