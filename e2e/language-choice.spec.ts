import { signInThroughPage } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { LANGUAGES } from "./support/languages";

// The first visit follows the browser's Accept-Language; the language menu changes the page
// at once, is kept on the staff row, and follows the member to another browser.

const catalogueOf = (language: string) => LANGUAGES.find((candidate) => candidate.language === language)!.messages;

test.use({ storageState: { cookies: [], origins: [] } });

for (const [browser, language, lang] of [
  // The page's lang is the formatting locale: the language, in the browser's region.
  ["ja-JP", "ja", "ja-JP"],
  ["zh-CN", "zh-CN", "zh-CN"],
  ["vi-VN", "vi", "vi-VN"],
  ["en-GB", "en", "en-GB"],
  ["fr-FR", "en", "en"],
] as const) {
  test(`a browser in ${browser} lands in ${language}`, async ({ browser: chromium }) => {
    const context = await chromium.newContext({ locale: browser });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { name: catalogueOf(language).SignIn.title })).toBeVisible();
    await expect(page.getByRole("combobox", { name: catalogueOf(language).Language.label })).toHaveValue(language);
    await context.close();
  });
}

test("the sign-in page's menu switches at once, without signing in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("combobox", { name: "Language" }).selectOption("vi");
  await expect(page.getByRole("heading", { name: catalogueOf("vi").SignIn.title })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the header's menu switches at once, and the choice follows the member to another browser", async ({
  browser,
  freshStaff,
}) => {
  const email = await freshStaff("agent");
  const ja = catalogueOf("ja");
  const first = await browser.newContext({ locale: "en-GB" });
  const page = await first.newPage();
  await page.goto("/sign-in");
  await signInThroughPage(page, email);
  await expect(page).toHaveURL(/\/profiles$/);
  await page.getByRole("combobox", { name: "Language" }).selectOption("ja");
  await expect(page.getByRole("heading", { name: ja.Lookup.title })).toBeVisible();
  await expect(page).toHaveURL(/\/profiles$/);
  await expect
    .poll(async () => (await query<{ language: string }>("select language from staff where email = $1", [email]))[0])
    .toEqual({ language: "ja" });
  await page.getByRole("button", { name: ja.Header.signOut }).click();
  await expect(page.getByRole("heading", { name: ja.SignIn.title })).toBeVisible();
  await first.close();

  // Another browser, in French (which the console does not speak: English at first).
  const second = await browser.newContext({ locale: "fr-FR" });
  const other = await second.newPage();
  await other.goto("/sign-in");
  await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await signInThroughPage(other, email);
  await expect(other).toHaveURL(/\/profiles$/);
  await expect(other.getByRole("heading", { name: ja.Lookup.title })).toBeVisible();
  await expect(other.locator("html")).toHaveAttribute("lang", "ja");
  await second.close();
});
