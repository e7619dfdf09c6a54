import { expect, type Page } from "@playwright/test";
import type { E2ERole } from "./auth";
import { query, staffRow } from "./database";

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

/** A grant or revoke through its dialog, on a sandbox customer. */
async function accessChange(page: Page, customer: string, open: string, confirm: string) {
  await page.goto(`/profiles/by-customer/${customer}`);
  await page.getByRole("button", { name: open }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("captured by the replay test");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(page.getByText(/^(Granted|Revoked)\. The profile below/)).toBeVisible();
}

const auditRowsWithReason = async (reason: string) =>
  Number((await query<{ n: number }>("select count(*)::int as n from audit_events where reason = $1", [reason]))[0]?.n);

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
  {
    name: "grant access",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    perform: (page) => accessChange(page, "demo-no-access", "Grant access", "Grant"),
    vary: (body) => body.replace("captured by the replay test", "granted by replay").replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"${crypto.randomUUID()}"`),
    changed: async () => (await auditRowsWithReason("granted by replay")) > 0,
  },
  {
    name: "revoke access",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    perform: (page) => accessChange(page, "demo-lifetime", "Revoke premium", "Revoke"),
    vary: (body) => body.replace("captured by the replay test", "revoked by replay").replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"${crypto.randomUUID()}"`),
    changed: async () => (await auditRowsWithReason("revoked by replay")) > 0,
  },
];
