import path from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { sessionOf, signIn, signInThroughPage } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { cookieOf } from "./support/http-session";
import { callAction, serverAction } from "./support/server-actions";
import { CONSOLE_URL, SCREENSHOTS } from "./support/servers";

test.use({ storageState: sessionOf("admin") });

/** New contexts take this file's session by default; a visitor needs an explicitly empty one. */
const SIGNED_OUT = { cookies: [], origins: [] };
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

test("sign-ins, failed sign-ins and denials appear on the audit page under the right filters", async ({
  browser,
  page,
  freshStaff,
}) => {
  const stranger = `stranger-${Date.now()}@e2e.test`;
  const visitor = await (
    await browser.newContext({ storageState: SIGNED_OUT, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.30" } })
  ).newPage();
  await visitor.goto("/sign-in");
  await signInThroughPage(visitor, stranger, "guessing");
  await expect(visitor.locator("main").getByRole("alert")).toBeVisible();

  // A viewer of this test's own: the newest denial on its name is the one this test caused.
  const viewerEmail = await freshStaff("viewer");
  const viewer = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await signIn(viewer, viewerEmail);
  expect((await viewer.goto("/staff"))?.status()).toBe(403);

  await page.goto(`/audit?action=auth.sign_in_failed&actor=${encodeURIComponent(stranger)}`);
  const failed = page.locator('tbody[data-action="auth.sign_in_failed"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(stranger);
  await expect(failed).toContainText("Failed");
  await failed.getByText("Details").click();
  await expect(failed).toContainText("198.51.100.30");
  await expect(failed).toContainText("invalid");

  await page.goto(`/audit?action=auth.denied&actor=${encodeURIComponent(viewerEmail)}`);
  const denied = page.locator('tbody[data-action="auth.denied"]').first();
  await expect(denied).toContainText(viewerEmail);
  await denied.getByText("Details").click();
  await expect(denied).toContainText("staff.manage");
  await expect(denied).toContainText("forbidden");

  await page.goto("/audit?action=auth.signed_in&actor=admin%40e2e.test&outcome=succeeded");
  await expect(page.locator('tbody[data-action="auth.signed_in"]').first()).toContainText("admin@e2e.test");
  await page.goto("/audit?action=auth.signed_in&outcome=failed");
  await expect(page.getByText("Nothing recorded matches these filters.")).toBeVisible();

  await page.goto("/audit");
  await page.locator("tbody[data-audit-id]").first().getByText("Details").click();
  await page.screenshot({ path: path.join(SCREENSHOTS, "audit.png"), fullPage: true });
});

test("staff changes are audited with who, what and the outcome", async ({ page }) => {
  const email = `audited-${Date.now()}@e2e.test`;
  await page.goto("/staff");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByText(`${email} can now sign in.`)).toBeVisible();

  const rows = await query<{
    actor_email: string;
    outcome: string;
    params: { email: string };
    completed_at: Date | null;
  }>(
    "select actor_email, outcome, params, completed_at from audit_events where action = 'staff.added' and params->>'email' = $1",
    [email],
  );
  expect(rows).toEqual([
    expect.objectContaining({
      actor_email: "admin@e2e.test",
      outcome: "succeeded",
      params: expect.objectContaining({ email }),
    }),
  ]);
  expect(rows[0]?.completed_at).toBeInstanceOf(Date);
});

test("a bad filter is named and ignored, not an error", async ({ page }) => {
  const response = await page.goto("/audit?outcome=exploded&from=yesterday");
  expect(response?.status()).toBe(200);
  await expect(page.getByText("Some filters were not valid and were ignored: outcome, from.")).toBeVisible();
});

test("pages go older with a keyset cursor and never repeat a row", async ({ page }) => {
  await page.goto("/audit");
  const firstPage = await page
    .locator("tbody[data-audit-id]")
    .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-audit-id"))));
  expect(firstPage.length).toBeGreaterThan(0);
  expect([...firstPage].sort((a, b) => b - a)).toEqual(firstPage);
  const older = page.getByRole("link", { name: "Older" });
  if (await older.count()) {
    await older.click();
    const secondPage = await page
      .locator("tbody[data-audit-id]")
      .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-audit-id"))));
    expect(Math.max(...secondPage)).toBeLessThan(Math.min(...firstPage));
  }
});

test("the export refuses a visitor without a session and a bad filter", async () => {
  const anonymous = await playwrightRequest.newContext({ baseURL: CONSOLE_URL, storageState: SIGNED_OUT });
  const refused = await anonymous.get("/audit/export", { maxRedirects: 0 });
  expect([307, 401]).toContain(refused.status());
  await anonymous.dispose();

  const viewer = await playwrightRequest.newContext({ baseURL: CONSOLE_URL, storageState: sessionOf("viewer") });
  expect((await viewer.get("/audit/export?action=auth.denied")).status()).toBe(200);
  const bad = await viewer.get("/audit/export?before=-5");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: "These filters are not valid: before." });
  await viewer.dispose();
});

test("changes only hides views; the customer links to the profile; details read before → after", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile({ grants: [{ accessLevelId: "premium", expiresAt: inDays(10) }] });
  await page.goto(`/profiles/by-customer/${encodeURIComponent(customer.customerUserId)}`); // a view
  const granted = await callAction(
    serverAction("grantAccessAction"),
    [
      {
        profileId: customer.profileId,
        accessLevelId: "premium",
        startsAt: null,
        expiresAt: inDays(40),
        reason: "longer goodwill",
        idempotencyKey: crypto.randomUUID(),
      },
    ],
    { cookie: cookieOf("admin") },
  );
  expect((granted.result?.data as { outcome?: string } | undefined)?.outcome).toBe("succeeded");

  await page.goto(`/audit?user=${encodeURIComponent(customer.customerUserId)}`);
  await expect(page.locator('tbody[data-action="profile.viewed"]')).not.toHaveCount(0);
  await page.getByLabel("Changes only").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/changes=only/);
  await expect(page.locator('tbody[data-action="profile.viewed"]')).toHaveCount(0);
  const row = page.locator('tbody[data-action="access_level.granted"]');
  await expect(row).toHaveCount(1);

  await row.getByText("Details").click();
  const difference = row.getByRole("table", { name: "Access before and after" });
  await expect(difference).toContainText("premium");
  await expect(difference.getByRole("row", { name: /Expires/ })).toContainText("→");
  await expect(difference.getByRole("row", { name: /Will renew/ })).toContainText("No");
  await row.getByText("Raw JSON").click();
  await expect(row).toContainText('"access_level_id": "premium"');
  await page.screenshot({ path: path.join(SCREENSHOTS, "audit-difference-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: path.join(SCREENSHOTS, "audit-difference-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await row.getByRole("link", { name: customer.customerUserId }).click();
  await expect(page).toHaveURL(new RegExp(`/profiles/${customer.profileId}`));
});

for (const width of [1280, 390]) {
  test(`the staff column shows the whole email at ${width} px`, async ({ browser, page, freshStaff }) => {
    const email = await freshStaff("viewer"); // a long one: viewer-<test id>-<random>@e2e.test
    await signIn(await (await browser.newContext({ storageState: SIGNED_OUT })).newPage(), email);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/audit?action=auth.signed_in&actor=${encodeURIComponent(email)}`);
    const who = page.locator("tbody[data-action='auth.signed_in'] > tr:first-child > td:nth-child(2)");
    await expect(who).toHaveCount(1);
    await expect(who).toContainText(email);
    expect(await who.evaluate((cell) => cell.scrollWidth - cell.clientWidth), "pixels of the email cut off").toBe(0);
    const box = await who.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0), "the cell fits on the screen").toBeLessThanOrEqual(width);
  });
}
