import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { sessionOf } from "./support/auth";
import { SCREENSHOTS } from "./support/servers";

// An agent on a phone (390 px, an iPhone's width): the header wraps instead of pushing
// Sign out off the screen, and no page scrolls sideways.
const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

async function expectOnScreen(page: Page, what: Locator) {
  await expect(what).toBeVisible();
  const box = await what.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
}

test.describe("as an agent", () => {
  test.use({ storageState: sessionOf("agent") });

  test("at 390 px the header wraps: the lookup box and Sign out are on screen", async ({ page }) => {
    await page.goto("/profiles");
    await expectOnScreen(page, page.getByRole("button", { name: "Sign out" }));
    await expectOnScreen(
      page,
      page.getByRole("combobox", { name: "Customer user id, profile id, email or transaction id" }),
    );
    await expectOnScreen(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }));
    await expectNoSidewaysScroll(page);
  });

  test("at 390 px a profile with long ids and several access levels does not scroll sideways", async ({
    page,
    freshProfile,
  }) => {
    // A long id of the kind apps choose, with separators but no spaces.
    const { customerUserId } = await freshProfile({ like: "demo-multi-level" });
    await page.goto(`/profiles/by-customer/${encodeURIComponent(customerUserId)}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(customerUserId);
    await expect(page.getByTestId("customer-user-id")).toHaveText(customerUserId);
    await expectNoSidewaysScroll(page);
    // Each access level's row stacks into labelled lines, all on screen.
    const premium = page.getByRole("row").filter({ hasText: "premium" }).first();
    await expectOnScreen(page, premium.getByRole("button", { name: /Revoke/ }));
    await page.screenshot({ path: path.join(SCREENSHOTS, "profile-390.png"), fullPage: true });
  });

  test("at 390 px the lookup, create and audit pages do not scroll sideways", async ({ page }) => {
    for (const route of ["/profiles", "/profiles/new", "/audit"]) {
      await page.goto(route);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: sessionOf("admin") });

  test("at 390 px the staff page does not scroll sideways", async ({ page }) => {
    await page.goto("/staff");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  });
});

test.describe("as an admin at 1280 px", () => {
  test.use({ storageState: sessionOf("admin"), viewport: { width: 1280, height: 800 } });

  test("at 1280 px the header is one row, with every section and the whole email", async ({ page }) => {
    await page.goto("/profiles");
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(links).toHaveCount(7);
    const tops = await links.evaluateAll((all) => all.map((link) => link.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    const email = page.locator(`header [title="admin@e2e.test"]`);
    expect(await email.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  });
});

test("every page has a favicon instead of a 404", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect((await response.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});
