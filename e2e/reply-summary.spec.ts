import type { Page } from "@playwright/test";
import { sessionOf } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { LANGUAGES } from "./support/languages";
import { E2E_BROWSER_LOCALE, storedAccessLevel } from "./support/sandbox-profile";

// The reply summary: "Copy summary" on the profile gives a paragraph in the customer's words,
// in the language the agent picks, with the dates as that language writes them in the
// agent's zone (Europe/Berlin in these tests), and copies it to the clipboard.

test.use({ storageState: sessionOf("agent") });
test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

const PREMIUM_ENDS = "2027-01-06T10:00:00.000Z";
const byCustomer = (id: string) => `/profiles/by-customer/${encodeURIComponent(id)}`;
/** The reply's dates: British in English (the tests' browser), else the language's own long form. */
const replyDate = (language: string, iso: string) =>
  new Intl.DateTimeFormat(language === "en" ? E2E_BROWSER_LOCALE : language, {
    dateStyle: "long",
    timeZone: "Europe/Berlin",
  }).format(new Date(iso.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")));

async function openSummary(page: Page) {
  await page.getByRole("button", { name: "Copy summary" }).click();
  return page.getByRole("dialog", { name: "Reply summary" });
}

/** Copies the summary shown and answers what the clipboard then holds. */
async function copied(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(dialog.getByText("Copied. Paste it into your reply.")).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const { language, messages } of LANGUAGES) {
  test(`in ${language}: each access level with its date, copied to the clipboard`, async ({ page, freshProfile }) => {
    const customer = await freshProfile({
      grants: [
        { accessLevelId: "premium", expiresAt: PREMIUM_ENDS },
        { accessLevelId: "pro", expiresAt: null },
      ],
    });
    await page.goto(byCustomer(customer.customerUserId));
    const dialog = await openSummary(page);
    // The console's language is the default; the agent picks the customer's.
    await expect(dialog.getByLabel("Language of the reply")).toHaveValue("en");
    await dialog.getByLabel("Language of the reply").selectOption(language);
    // The reply is in the chosen language; the dialog around it stays in the console's (English).
    const words = messages.ReplySummary;
    const premiumEnds = (await storedAccessLevel(customer.profileId, "premium"))?.expires_at ?? "";
    const expected = [
      // Lifetime first: among current access the later end comes first, as on the profile.
      words.text.lifetime.replace("{level}", "pro"),
      words.text.active.replace("{level}", "premium").replace("{end}", replyDate(language, premiumEnds)),
    ].join(language === "zh-CN" || language === "ja" ? "" : " ");
    await expect(dialog.getByTestId("reply-summary-text")).toHaveValue(expected);
    await expect(dialog.getByText("Dates are the days as they fall in your time zone, Europe/Berlin.")).toBeVisible();

    expect(await copied(page)).toBe(expected);
  });
}

test("with the last change: a grant made through the console is told with its day and end", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile();
  await page.goto(byCustomer(customer.customerUserId));
  let dialog = await openSummary(page);
  await expect(dialog.getByTestId("reply-summary-text")).toHaveValue("You don't have any access at the moment.");
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Grant access" }).click();
  const grant = page.getByRole("dialog");
  await grant.getByText("7 days", { exact: true }).click();
  await grant.getByLabel("Reason").fill("Make-good for the outage");
  await grant.getByRole("button", { name: "Review" }).click();
  await grant.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(page.getByText("Granted. The profile below is what Adapty now holds.")).toBeVisible();
  const endsAt = (await storedAccessLevel(customer.profileId, "premium"))?.expires_at ?? "";
  const ends = replyDate("en", endsAt);
  const today = replyDate("en", new Date().toISOString());

  dialog = await openSummary(page);
  await expect(dialog.getByTestId("reply-summary-text")).toHaveValue(`Your premium access is active until ${ends}.`);
  await dialog.getByLabel("Include the last change made in the console").check();
  const text = `Your premium access is active until ${ends}. On ${today} we granted you premium access until ${ends}.`;
  await expect(dialog.getByTestId("reply-summary-text")).toHaveValue(text);
  expect(await copied(page)).toBe(text);

  // In Japanese too, the grant is named with its days.
  await dialog.getByLabel("Language of the reply").selectOption("ja");
  const granted = `${replyDate("ja", new Date().toISOString())} に、premium のアクセスを ${replyDate("ja", endsAt)} まで付与いたしました。`;
  await expect(dialog.getByTestId("reply-summary-text")).toHaveValue(new RegExp(`${granted}$`));
});
