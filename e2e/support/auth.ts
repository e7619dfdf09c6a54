import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { ARTIFACTS, E2E_PASSWORD } from "./servers";

export const ROLES = ["admin", "agent", "viewer"] as const;
export type E2ERole = (typeof ROLES)[number];

/** The saved session of each role, made once by auth.setup.ts. */
export const sessionOf = (role: E2ERole) => path.join(ARTIFACTS, "auth", `${role}.json`);

/** The sign-in form's words; another language's catalogue signs in on a page in that language. */
const ENGLISH_SIGN_IN = { email: "Email", password: "Password", submit: "Sign in" };

export async function signInThroughPage(
  page: Page,
  email: string,
  password = E2E_PASSWORD,
  words = ENGLISH_SIGN_IN,
): Promise<void> {
  await page.getByLabel(words.email, { exact: true }).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  // Wait for the answer, so that the next step never races the form's reset.
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: words.submit, exact: true }).click(),
  ]);
}

export async function signIn(page: Page, email: string, password = E2E_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await signInThroughPage(page, email, password);
  await expect(page).toHaveURL(/\/profiles$/);
}
