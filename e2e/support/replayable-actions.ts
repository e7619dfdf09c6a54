import { expect, type Page } from "@playwright/test";
import type { E2ERole } from "./auth";
import { query, staffRow } from "./database";
import { SANDBOX_KEY, SANDBOX_URL } from "./servers";

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

const newKey = (body: string) => body.replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"${crypto.randomUUID()}"`);
const sandboxHas = async (customerUserId: string) =>
  (
    await fetch(`${SANDBOX_URL}/api/v2/server-side-api/profile/`, {
      headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "adapty-customer-user-id": customerUserId },
    })
  ).status === 200;

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
    vary: (body) =>
      body
        .replace("captured by the replay test", "granted by replay")
        .replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"${crypto.randomUUID()}"`),
    changed: async () => (await auditRowsWithReason("granted by replay")) > 0,
  },
  {
    name: "revoke access",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    perform: (page) => accessChange(page, "demo-lifetime", "Revoke premium", "Revoke"),
    vary: (body) =>
      body
        .replace("captured by the replay test", "revoked by replay")
        .replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"${crypto.randomUUID()}"`),
    changed: async () => (await auditRowsWithReason("revoked by replay")) > 0,
  },
  {
    name: "create profile",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    async perform(page) {
      await page.goto("/profiles/new");
      await page.getByLabel("Customer user id", { exact: true }).fill("replay-create-base");
      await page.getByRole("button", { name: "Create profile" }).click();
      await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
    },
    vary: (body) => newKey(body.replace("replay-create-base", "created-by-replay")),
    changed: () => sandboxHas("created-by-replay"),
  },
  {
    name: "edit profile",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    async perform(page) {
      await page.goto("/profiles/9c1e5a70-0000-4000-8000-000000000001/edit");
      await page.getByLabel("Last name").fill("Captured");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page).toHaveURL("/profiles/9c1e5a70-0000-4000-8000-000000000001");
    },
    vary: (body) => newKey(body.replace("Captured", "ReplayedName")),
    changed: async () =>
      Number(
        (
          await query<{ n: number }>(
            "select count(*)::int as n from audit_events where params->>'last_name' = 'ReplayedName'",
          )
        )[0]?.n,
      ) > 0,
  },
  {
    name: "delete profile",
    allowedRole: "admin",
    deniedRoles: ["agent", "viewer"],
    async perform(page) {
      await page.goto("/profiles/9c1e5a70-0000-4000-8000-000000000006/edit");
      await page.getByLabel("Type demo-expired to confirm").fill("demo-expired");
      await page.getByRole("button", { name: "Delete profile" }).click();
      await expect(page.getByText("was deleted in Adapty")).toBeVisible();
    },
    vary: (body) =>
      newKey(
        body
          .replace("9c1e5a70-0000-4000-8000-000000000006", "9c1e5a70-0000-4000-8000-000000000008")
          .replace('"demo-expired"', '"demo-scheduled"'),
      ),
    changed: async () => !(await sandboxHas("demo-scheduled")),
  },
];
