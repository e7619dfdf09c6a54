import path from "node:path";
import { expect, test } from "@playwright/test";
import { sessionOf, signIn, signInThroughPage, type E2ERole } from "./support/auth";
import { query, staffRow } from "./support/database";
import { CONSOLE_URL, SCREENSHOTS } from "./support/servers";

const CONSOLE_ROUTES: [string, E2ERole][] = [
  ["/profiles", "viewer"],
  ["/profiles/new", "agent"],
  ["/audit", "viewer"],
  ["/staff", "admin"],
];

test.describe("signed out", () => {
  for (const [route, role] of CONSOLE_ROUTES) {
    test(`${route} sends a visitor to sign-in and back afterwards`, async ({ page }) => {
      await page.goto(`${route}?ticket=ZD-1`);
      await expect(page).toHaveURL(`/sign-in?callbackUrl=${encodeURIComponent(`${route}?ticket=ZD-1`)}`);
      await signInThroughPage(page, `${role}@e2e.test`);
      await expect(page).toHaveURL(`${route}?ticket=ZD-1`);
    });
  }

  for (const target of [
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://127.0.0.1.evil.example/profiles",
  ]) {
    test(`callbackUrl=${target} ends on the console`, async ({ page }) => {
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      await signInThroughPage(page, "viewer@e2e.test");
      await expect(page).toHaveURL(`${CONSOLE_URL}/profiles`);
    });
  }

  test("a wrong password is refused in plain words and the form keeps the email", async ({ page }) => {
    await page.goto("/sign-in");
    await signInThroughPage(page, "viewer@e2e.test", "not-the-password");
    await expect(page.locator("main").getByRole("alert")).toHaveText(
      "That email and password do not match a staff account.",
    );
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("viewer@e2e.test");
    await page.screenshot({ path: path.join(SCREENSHOTS, "sign-in-refused.png"), fullPage: true });
  });

  test("a live console never offers demo accounts", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByText("Demo accounts")).toHaveCount(0);
    await signInThroughPage(page, "admin@sandbox.local", "sandbox");
    await expect(page.locator("main").getByRole("alert")).toBeVisible();
  });
});

test("five failed sign-ins lock the email and the address for 15 minutes", async ({ browser }) => {
  // Each context claims its own address (the console reads X-Forwarded-For), so this
  // test's lock does not touch the other tests' sign-ins from 127.0.0.1.
  const from = async (address: string) =>
    (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address } })).newPage();
  const attacker = await from("198.51.100.7");
  await attacker.goto("/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInThroughPage(attacker, "lock-me@e2e.test", `wrong-${attempt}`);
    await expect(attacker.locator("main").getByRole("alert")).toHaveText(
      "That email and password do not match a staff account.",
    );
  }
  // The right password no longer helps, from this address…
  await signInThroughPage(attacker, "lock-me@e2e.test");
  await expect(attacker.locator("main").getByRole("alert")).toContainText(
    "Too many failed sign-ins. Sign-in is paused",
  );
  await attacker.screenshot({ path: path.join(SCREENSHOTS, "sign-in-locked.png"), fullPage: true });
  // …for another account from this address…
  await signInThroughPage(attacker, "viewer@e2e.test");
  await expect(attacker.locator("main").getByRole("alert")).toContainText("Too many failed sign-ins");
  // …nor for this account from another address.
  const elsewhere = await from("198.51.100.8");
  await elsewhere.goto("/sign-in");
  await signInThroughPage(elsewhere, "lock-me@e2e.test");
  await expect(elsewhere.locator("main").getByRole("alert")).toContainText("Too many failed sign-ins");

  const failures = await query<{ n: number }>(
    "select count(*)::int as n from sign_in_attempts where email = 'lock-me@e2e.test' and not succeeded",
  );
  expect(failures[0]?.n).toBe(5);
});

test("a disabled account loses access on its next request", async ({ browser }) => {
  const staffContext = await browser.newContext();
  const member = await staffContext.newPage();
  await signIn(member, "disable-me@e2e.test");

  const admin = await (await browser.newContext({ storageState: sessionOf("admin") })).newPage();
  await admin.goto("/staff");
  await admin.screenshot({ path: path.join(SCREENSHOTS, "staff.png"), fullPage: true });
  const row = admin.locator('tr[data-staff-email="disable-me@e2e.test"]');
  await row.getByRole("button", { name: "Disable" }).click();
  await admin
    .getByRole("dialog", { name: "Disable this staff member?" })
    .getByRole("button", { name: "Disable" })
    .click();
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  expect((await staffRow("disable-me@e2e.test"))?.enabled).toBe(false);

  await member.goto("/audit");
  await expect(member).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit&reason=disabled$/);
  await expect(member.getByText("Your staff account was disabled")).toBeVisible();
  await signInThroughPage(member, "disable-me@e2e.test");
  await expect(member.locator("main").getByRole("alert")).toHaveText(
    "This staff account is disabled. Ask an admin to enable it.",
  );

  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row.getByText("Enabled", { exact: true })).toBeVisible();
  await signInThroughPage(member, "disable-me@e2e.test");
  await expect(member).toHaveURL(/\/audit$/);
});

test.describe("roles", () => {
  // An admin's Approvals link carries the count of waiting requests.
  const navFor: [E2ERole, (string | RegExp)[]][] = [
    ["viewer", ["Look up", "Audit"]],
    ["agent", ["Look up", "Create profile", "Audit", "Bulk changes"]],
    ["admin", ["Look up", "Create profile", "Audit", "Bulk changes", /^Approvals/, "Staff", "Settings"]],
  ];
  for (const [role, links] of navFor) {
    test(`${role} sees only the sections the role allows`, async ({ browser }) => {
      const page = await (await browser.newContext({ storageState: sessionOf(role) })).newPage();
      await page.goto("/profiles");
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(links);
    });
  }

  test("a viewer opening an agent's or an admin's page gets a 403 page", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: sessionOf("viewer") })).newPage();
    for (const route of ["/profiles/new", "/staff"]) {
      const response = await page.goto(route);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "Not allowed for your role" })).toBeVisible();
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, "forbidden.png") });
  });

  test("sign out works from the header and ends the session everywhere, even a copied cookie", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "sign-out-me@e2e.test");
    const copied = await context.storageState();
    const otherDevice = await (await browser.newContext()).newPage();
    await signIn(otherDevice, "sign-out-me@e2e.test");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit$/);

    const replayed = await (await browser.newContext({ storageState: copied })).newPage();
    await replayed.goto("/audit");
    await expect(replayed).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit$/);
    await otherDevice.goto("/audit");
    await expect(otherDevice).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit$/);

    await signIn(page, "sign-out-me@e2e.test"); // signing in again works at once
  });
});

test("every response carries the security headers", async ({ request }) => {
  for (const address of ["/sign-in", "/api/health", "/profiles"]) {
    const response = await request.get(address, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-content-type-options"], address).toBe("nosniff");
    expect(headers["referrer-policy"], address).toBe("same-origin");
    expect(headers["strict-transport-security"], address).toContain("max-age=");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, address).toContain("frame-ancestors 'none'");
    expect(csp, address).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, address).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
});
