import path from "node:path";
import type { Page } from "@playwright/test";
import { sessionOf, signIn } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { cookieOf } from "./support/http-session";
import { sandbox } from "./support/sandbox";
import { callAction, serverAction } from "./support/server-actions";
import { SANDBOX_KEY, SANDBOX_URL, SCREENSHOTS } from "./support/servers";

test.use({ storageState: sessionOf("agent") });

const profileId = (n: number) => `9c1e5a70-0000-4000-8000-${String(n).padStart(12, "0")}`;
const byCustomer = (id: string) => `/profiles/by-customer/${encodeURIComponent(id)}`;
const statusOf = (page: Page, level: string) => page.locator(`tr[data-access-level="${level}"] [data-status]`);
/** The Cookie header of a page's session, for calling actions as the person signed in there. */
const cookieOfPage = async (page: Page) =>
  (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");

test("each seeded state shows its derived status", async ({ page }) => {
  const cases: [string, string][] = [
    ["demo-active-renewing", "Active"],
    ["demo-renewal-cancelled", "Renewal cancelled"],
    ["demo-grace-period", "Grace period"],
    ["demo-billing-issue", "Billing issue"],
    ["demo-expired", "Expired"],
    ["demo-lifetime", "Lifetime"],
    ["demo-scheduled", "Scheduled"],
  ];
  for (const [customer, status] of cases) {
    await page.goto(byCustomer(customer));
    await expect(statusOf(page, "premium"), customer).toHaveText(status);
  }
});

test("a rich profile: access first, subscriptions, purchases, attributes, revenue", async ({ page }) => {
  await page.goto(byCustomer("demo-multi-level"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Customer demo-multi-level");
  const rows = page.locator("tr[data-access-level]");
  await expect(rows).toHaveCount(4);
  await expect(rows.locator("[data-status]")).toHaveText(["Lifetime", "Active", "Active", "Expired"]);
  // The tests' browser reads en-GB, which writes US dollars "US$" (lib/i18n/negotiate.ts formatLocale).
  await expect(page.getByTestId("revenue")).toHaveText("US$104.93");
  await expect(page.getByRole("region", { name: "Subscriptions" }).locator("tbody tr")).toHaveCount(3);
  await expect(page.getByText("introductory · free_trial")).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "profile-rich.png"), fullPage: true });

  await page.goto(byCustomer("demo-purchases"));
  const purchases = page.getByRole("region", { name: "One-time purchases" });
  await expect(purchases.locator("tbody tr")).toHaveCount(4);
  await expect(purchases.locator('tr[data-purchase="com.demo.coins.500"]')).toContainText("Refunded");
  await expect(purchases.locator('tr[data-purchase="com.demo.unlock.themes"]')).toContainText("Non-consumable");
  await expect(purchases.getByText("Sandbox")).toBeVisible();

  await page.goto(byCustomer("demo-thirty-attributes"));
  await expect(page.getByRole("region", { name: "Custom attributes" }).locator("tbody tr")).toHaveCount(30);
});

test("times show in the agent's zone with UTC on hover and a relative form", async ({ page }) => {
  await page.goto(byCustomer("demo-scheduled"));
  const starts = page.locator('tr[data-access-level="premium"] time').first();
  await expect(starts).toHaveAttribute("title", / UTC$/);
  await expect(starts).toContainText("in 5 days");
});

test("both deep links open the same profile, and opening it is recorded once per few minutes", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const { customerUserId, profileId: id } = await freshProfile();
  // An agent of this test's own, so that its recent lookups and its views are this test's alone.
  const agent = await freshStaff("agent");
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, agent);
  await page.goto(`/profiles/${id}`);
  await expect(page.getByTestId("customer-user-id")).toHaveText(customerUserId);
  await page.goto(`/profiles/by-customer/${encodeURIComponent(customerUserId)}`);
  await expect(page.getByTestId("profile-id")).toHaveText(id);
  // The page's refresh (the loadProfile action) reads the customer too.
  const refreshed = await callAction(serverAction("loadProfileAction"), [{ profileId: id }], {
    cookie: await cookieOfPage(page),
  });
  expect(refreshed.text).toContain(customerUserId);
  const views = await query<{ actor: string }>(
    "select actor_email as actor from audit_events where action = 'profile.viewed' and target_profile_id = $1",
    [id],
  );
  // The same person reading the same customer again within minutes is the same look.
  expect(views).toEqual([{ actor: agent }]);
  // Someone else reading it is recorded on its own; and a refresh alone records a view too.
  await callAction(serverAction("loadProfileAction"), [{ profileId: id }], { cookie: cookieOf("viewer") });
  const after = await query<{ actor: string }>(
    "select actor_email as actor from audit_events where action = 'profile.viewed' and target_profile_id = $1 order by id",
    [id],
  );
  expect(after).toEqual([{ actor: agent }, { actor: "viewer@e2e.test" }]);

  await page.goto("/profiles");
  await expect(page.getByRole("region", { name: "Your recent lookups" }).getByRole("link").first()).toContainText(
    customerUserId,
  );
});

test("an unknown id is named with how it was searched", async ({ page }) => {
  await page.goto(byCustomer("nobody-here"));
  await expect(page.locator("main").getByRole("alert")).toContainText(
    "No such user. Adapty has no profile with the customer user id “nobody-here”.",
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, "profile-not-found.png"), fullPage: true });

  await page.goto("/profiles");
  // The shortcut works once the page is interactive; "load" can come before hydration.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page.getByLabel("Customer user id or profile id")).toBeFocused({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.type("11111111-2222-4333-8444-555555555555");
  await page.keyboard.press("Enter");
  // The lookup box searches: nothing found says what was searched.
  await expect(
    page.getByRole("heading", { name: "No customer matches “11111111-2222-4333-8444-555555555555”" }),
  ).toBeVisible();
  await expect(page.locator("main")).toContainText("Searched Adapty by exact profile id and customer user id");
});

test("a percent sign in an id is kept literally, in the page and in its title", async ({ page }) => {
  await page.goto(byCustomer("50%off"));
  await expect(page.locator("main").getByRole("alert")).toContainText("“50%off”");
  // "vip%41" is linked as vip%2541: decoded once it stays vip%41; decoded twice it became "vipA".
  await page.goto(byCustomer("vip%41"));
  await expect(page.locator("main").getByRole("alert")).toContainText("“vip%41”");
  await expect(page).toHaveTitle("vip%41 · Adapty Support Console");
  await page.goto("/profiles/vip%2541");
  await expect(page.locator("main").getByRole("alert")).toContainText("“vip%41”");
  await expect(page).toHaveTitle("vip%41 · Adapty Support Console");
  const malformed = await page.goto("/profiles/by-customer/50%zz");
  expect(malformed?.status()).toBe(400);
  await expect(page.getByText("This address is malformed")).toBeVisible();
});

test("a UUID that is a customer user id is found through the lookup box", async ({ page }) => {
  await page.goto("/profiles");
  await page.getByLabel("Customer user id or profile id").fill("0b6f2c5e-8d1a-4c3b-9e7f-1a2b3c4d5e6f");
  await page.getByLabel("Customer user id or profile id").press("Enter");
  await expect(page).toHaveURL(`/profiles/${profileId(13)}`);
  await expect(page.getByTestId("customer-user-id")).toHaveText("0b6f2c5e-8d1a-4c3b-9e7f-1a2b3c4d5e6f");
});

test("an id with a slash, a space, a plus, an at sign and é works, typed or linked", async ({ page }) => {
  const id = "team/alpha user+é@example.com";
  await page.goto("/profiles");
  await page.getByLabel("Customer user id or profile id").fill(id);
  await page.getByLabel("Customer user id or profile id").press("Enter");
  // Typed, it is searched and opens its one customer by profile id; linked, the deep link works.
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("customer-user-id")).toHaveText(id);
  await page.goto(byCustomer(id));
  await expect(page.getByTestId("customer-user-id")).toHaveText(id);
  await expect(statusOf(page, "premium")).toHaveText("Renewal cancelled");
});

test("markup in ids and attributes is shown as text and never runs", async ({ browser, freshStaff }) => {
  // An agent of this test's own, so that no other test's lookups push this one off its recent list.
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, await freshStaff("agent"));
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const id = "<img src=x onerror=alert(1)>";
  await page.goto(byCustomer(id));
  await expect(page.getByTestId("customer-user-id")).toHaveText(id);
  await expect(page.getByRole("region", { name: "Custom attributes" })).toContainText("<script>alert(1)</script>");
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  await page.goto("/profiles");
  await expect(page.getByRole("region", { name: "Your recent lookups" })).toContainText(id);
  expect(dialogs).toEqual([]);
});

test("an anonymous profile is opened by its profile id", async ({ page }) => {
  await page.goto(`/profiles/${profileId(12)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anonymous customer");
});

test("a ticket in the link is kept for the actions taken from the page", async ({ page }) => {
  await page.goto(`${byCustomer("demo-lifetime")}?ticket=ZD-123`);
  await expect(page.getByText("Ticket ZD-123 will be attached to actions taken from this page.")).toBeVisible();
});

test("Adapty failures show in place with a retry", async ({ page, freshProfile }) => {
  // The faults are this customer's alone: other tests' requests are answered as usual.
  const { customerUserId } = await freshProfile({ like: "demo-lifetime" });
  await sandbox.faults({ failNext: { count: 20, status: 503 } }, customerUserId);
  await page.goto(byCustomer(customerUserId));
  const alert = page.locator("main").getByRole("alert");
  await expect(alert).toContainText("Adapty is not answering properly right now.");
  await expect(alert).toContainText("Adapty status 503");
  await sandbox.faults({}, customerUserId);
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(statusOf(page, "premium")).toHaveText("Lifetime");

  await sandbox.faults({ failNext: { count: 20, status: 401 } }, customerUserId);
  await page.goto(byCustomer(customerUserId));
  await expect(page.locator("main").getByRole("alert")).toContainText(
    "Adapty rejected the console's API key. This is not something you can fix",
  );
});

test("refresh shows what changed at Adapty without reloading the page", async ({ page, freshProfile }) => {
  const { customerUserId } = await freshProfile();
  await page.goto(byCustomer(customerUserId));
  await expect(page.getByText("No access levels: this customer has no paid access.")).toBeVisible();
  const granted = await fetch(`${SANDBOX_URL}/api/v2/server-side-api/purchase/profile/grant/access-level/`, {
    method: "POST",
    headers: {
      Authorization: `Api-Key ${SANDBOX_KEY}`,
      "adapty-customer-user-id": customerUserId,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ access_level_id: "pro", expires_at: null }),
  });
  expect(granted.status).toBe(200);
  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(statusOf(page, "pro")).toHaveText("Lifetime");
});
