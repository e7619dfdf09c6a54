import type { Page } from "@playwright/test";
import { signInThroughPage } from "./support/auth";
import { expect, test } from "./support/fixtures";
import { expectNoEnglishLeft, fill, LANGUAGES, shootBothWidths, type Catalogue } from "./support/languages";
import { sandbox } from "./support/sandbox";

// An agent's whole round in each language — sign in, look up, grant (the preview and the
// review), revoke, a create that Adapty refuses, the audit log and the staff page — with no
// English left on screen but ids and Adapty's own words, and dates as that language writes them.

async function signInAs(page: Page, M: Catalogue, email: string) {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: M.SignIn.title })).toBeVisible();
  await signInThroughPage(page, email, undefined, M.SignIn);
  await expect(page).toHaveURL(/\/profiles$/); // deep links carry no language
}

async function grantAMonth(page: Page, M: Catalogue, language: string) {
  await page.getByRole("button", { name: M.Access.grant, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator('label:has(input[name="preset"][value="1m"])').click();
  await dialog.getByLabel(M.Access.reason, { exact: true }).fill(`${M.Access.reason} ${language}`);
  await expect(dialog.getByTestId("grant-preview")).toContainText("premium");
  await expectNoEnglishLeft(page, M, "the grant form");
  await shootBothWidths(page, language, "grant-preview");
  await dialog.getByRole("button", { name: M.Access.review, exact: true }).click();
  await expect(dialog.getByTestId("grant-confirmation")).toBeVisible();
  await expectNoEnglishLeft(page, M, "the grant review");
  await shootBothWidths(page, language, "grant-review");
  await dialog.getByRole("button", { name: M.Access.doGrant, exact: true }).click();
  await expect(page.getByText(M.Access.granted)).toBeVisible();
}

async function revokeNow(page: Page, M: Catalogue, language: string) {
  await page.getByRole("button", { name: fill(M.Access.revokeLevel, { level: "premium" }) }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(M.Access.reason, { exact: true }).fill(`${M.Access.reason} ${language}`);
  await dialog.getByRole("button", { name: M.Access.review, exact: true }).click();
  await expect(dialog.getByTestId("revoke-confirmation")).toContainText(M.Access.confirmRevokeNow);
  await expectNoEnglishLeft(page, M, "the revoke review");
  await shootBothWidths(page, language, "revoke-review");
  await dialog.getByRole("button", { name: M.Access.doRevoke, exact: true }).click();
  await expect(page.getByText(M.Access.revoked)).toBeVisible();
}

async function createRefusedByAdapty(page: Page, M: Catalogue, language: string, customer: string) {
  const words = "Adapty says this address bounces.";
  await sandbox.faults(
    {
      failNext: {
        count: 1,
        status: 400,
        methods: ["POST"],
        errorCode: "validation_error",
        errors: [{ source: "email", errors: [words] }],
      },
    },
    customer,
  );
  await page.goto("/profiles/new");
  await page.getByLabel(M.ProfileForm.customerUserId, { exact: true }).fill(customer);
  await page.getByLabel(M.ProfileForm.email, { exact: true }).fill("bounce@example.com");
  await page.getByRole("button", { name: M.ProfileForm.create, exact: true }).click();
  // Our sentence in the agent's language, Adapty's own words under it, as Adapty said them.
  const error = page.locator("#email-error");
  await expect(error).toContainText(M.Change.adaptyField.split("\n")[0]!);
  await expect(error.getByTestId("adapty-words")).toHaveText(words);
  await expectNoEnglishLeft(page, M, "the create form");
  await shootBothWidths(page, language, "create-error");
}

for (const { language, browser, messages: M, date } of LANGUAGES) {
  test.describe(`in ${language}`, () => {
    test.use({ locale: browser, storageState: { cookies: [], origins: [] } });

    test(`an agent's round in ${language}: nothing in English but ids and Adapty's words`, async ({
      page,
      freshProfile,
      freshStaff,
    }) => {
      test.setTimeout(120_000);
      const email = await freshStaff("admin");
      await signInAs(page, M, email);
      await expectNoEnglishLeft(page, M, "the lookup page");
      await shootBothWidths(page, language, "lookup");

      const customer = await freshProfile();
      const lookup = page.getByRole("combobox", { name: M.Lookup.label });
      await lookup.fill(customer.customerUserId);
      await lookup.press("Enter");
      await expect(page.getByRole("heading", { level: 1 })).toContainText(customer.customerUserId);
      await expectNoEnglishLeft(page, M, "the profile page");

      await grantAMonth(page, M, language);
      await expect(page.locator('tr[data-access-level="premium"]')).toContainText(date);
      await expectNoEnglishLeft(page, M, "the profile after the grant");
      await shootBothWidths(page, language, "profile");
      await revokeNow(page, M, language);

      await createRefusedByAdapty(page, M, language, `${customer.customerUserId}-new`);

      await page.goto(`/audit?actor=${encodeURIComponent(email)}`);
      await expect(page.getByRole("heading", { name: M.Audit.title })).toBeVisible();
      await expect(page.locator("table").first()).toContainText(date);
      await expectNoEnglishLeft(page, M, "the audit log");
      await shootBothWidths(page, language, "audit");

      await page.goto("/staff");
      await expect(page.getByRole("heading", { name: M.Staff.title, level: 1 })).toBeVisible();
      await expectNoEnglishLeft(page, M, "the staff page");
      await shootBothWidths(page, language, "staff");
    });
  });
}
