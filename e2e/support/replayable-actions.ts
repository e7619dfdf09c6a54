import { expect, type Page } from "@playwright/test";
import type { E2ERole } from "./auth";
import { staffRow } from "./database";

/**
 * Every server action that changes something, described once so the replay test can
 * capture it in an allowed session and replay it where it must be refused. Adding an
 * action to the attack tests is adding one entry here.
 */
export interface ReplayableAction {
  name: string;
  allowedRole: E2ERole;
  deniedRoles: E2ERole[];
  /** Does the action through the page, as a person would; its POST is captured. */
  perform(page: Page): Promise<void>;
  /** Rewrites the captured body so that a successful replay would leave a visible trace. */
  vary(body: string): string;
  /** Whether the varied change is in the database. */
  changed(): Promise<boolean>;
}

export const REPLAYABLE_ACTIONS: ReplayableAction[] = [
  {
    name: "add staff",
    allowedRole: "admin",
    deniedRoles: ["agent", "viewer"],
    async perform(page) {
      await page.goto("/staff");
      await page.getByLabel("Email").fill("added-by-admin@e2e.test");
      await page.getByLabel("Initial password").fill("initial-password");
      await page.getByRole("button", { name: "Add" }).click();
      await expect(page.getByText("added-by-admin@e2e.test can now sign in.")).toBeVisible();
    },
    vary: (body) => body.replace("added-by-admin@e2e.test", "added-by-replay@e2e.test").replace('"viewer"', '"admin"'),
    changed: async () => (await staffRow("added-by-replay@e2e.test")) !== undefined,
  },
];
