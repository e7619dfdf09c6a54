import { expect, type Page } from "@playwright/test";
import type { E2ERole } from "./auth";
import { grantArgs } from "./attack-arguments";
import { batchRecord, uploadBatch } from "./bulk";
import { query, staffRow } from "./database";
import { cookieOf } from "./http-session";
import { callAction, serverAction } from "./server-actions";
import { sandboxHas, type FreshProfile, type ProfileState } from "./sandbox-profile";

/** What a replayed action works on: two customers made for the test, and a tag for the ids it makes. */
export interface ReplaySubjects {
  /** The customer the action is performed on. */
  target: FreshProfile;
  /** The customer a varied replay would change instead. */
  other: FreshProfile;
  tag: string;
}

/**
 * Every server action that changes something, described once so the replay test can
 * capture it in an allowed session and replay it where it must be refused. Adding an
 * action to the attack tests is adding one entry here.
 */
export interface ReplayableAction {
  name: string;
  allowedRole: E2ERole;
  deniedRoles: E2ERole[];
  /** What the test's two customers start as (default: blank). */
  customers?: ProfileState;
  /** Does the action through the page, as a person would; its POST is captured. */
  perform(page: Page, subjects: ReplaySubjects): Promise<void>;
  /** Which of the action's POSTs is captured, by its body (default: the first; the undo's preview comes before it). */
  captures?: (body: string) => boolean;
  /** Rewrites the captured body so that a successful replay would leave a visible trace. */
  vary(body: string, subjects: ReplaySubjects): string;
  /** Whether the varied change is in the database. */
  changed(subjects: ReplaySubjects): Promise<boolean>;
}

/** A grant or revoke through its dialog, on a sandbox customer. */
async function accessChange(page: Page, customer: string, open: string, confirm: string) {
  await page.goto(`/profiles/by-customer/${encodeURIComponent(customer)}`);
  await page.getByRole("button", { name: open }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("captured by the replay test");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: confirm, exact: true }).click();
  await expect(page.getByText(/^(Granted|Revoked)\. The profile below/)).toBeVisible();
}

const newKey = (body: string) => body.replace(/"idempotencyKey":"[^"]+"/, `"idempotencyKey":"${crypto.randomUUID()}"`);

const auditRowsWithReason = async (reason: string) =>
  Number((await query<{ n: number }>("select count(*)::int as n from audit_events where reason = $1", [reason]))[0]?.n);

/** The agent's two drafts of each start-a-batch test (by its tag): the one started, and the one a replay would start. */
const draftsOf = new Map<string, { started: string; other: string }>();

const oneGrant = (customer: FreshProfile) =>
  `customer_user_id,access_level_id,duration\r\n${customer.customerUserId},premium,1m\r\n`;

export const REPLAYABLE_ACTIONS: ReplayableAction[] = [
  {
    name: "add staff",
    allowedRole: "admin",
    deniedRoles: ["agent", "viewer"],
    async perform(page) {
      await page.goto("/staff");
      await page.getByLabel("Email", { exact: true }).fill("added-by-admin@e2e.test");
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
    perform: (page, { target }) => accessChange(page, target.customerUserId, "Grant access", "Grant"),
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
    customers: { like: "demo-lifetime" },
    perform: (page, { target }) => accessChange(page, target.customerUserId, "Revoke premium", "Revoke"),
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
    async perform(page, { tag }) {
      await page.goto("/profiles/new");
      await page.getByLabel("Customer user id", { exact: true }).fill(`replay-create-base-${tag}`);
      await page.getByRole("button", { name: "Create profile" }).click();
      await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
    },
    vary: (body, { tag }) => newKey(body.replace(`replay-create-base-${tag}`, `created-by-replay-${tag}`)),
    changed: ({ tag }) => sandboxHas(`created-by-replay-${tag}`),
  },
  {
    name: "edit profile",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    async perform(page, { target }) {
      await page.goto(`/profiles/${target.profileId}/edit`);
      await page.getByLabel("Last name").fill("Captured");
      await page.locator("#edit-reason").fill("captured by the replay test");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("Saved. The profile below is what Adapty now holds.")).toBeVisible();
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
    async perform(page, { target }) {
      await page.goto(`/profiles/${target.profileId}/edit`);
      await page.getByLabel(`Type ${target.customerUserId} to confirm`).fill(target.customerUserId);
      await page.locator("#delete-reason").fill("captured by the replay test");
      await page.getByRole("button", { name: "Delete profile" }).click();
      await expect(page.getByText("was deleted in Adapty")).toBeVisible();
    },
    vary: (body, { target, other }) =>
      newKey(
        body
          .replace(target.profileId, other.profileId)
          .replace(`"${target.customerUserId}"`, `"${other.customerUserId}"`),
      ),
    changed: async ({ other }) => !(await sandboxHas(other.customerUserId)),
  },
  {
    name: "add a note",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    async perform(page, { target }) {
      await page.goto(`/profiles/${target.profileId}`);
      await page.getByLabel("New note").fill("captured by the replay test");
      await page.getByRole("button", { name: "Add note" }).click();
      await expect(page.getByText("Note added.")).toBeVisible();
    },
    vary: (body, { target, other }) =>
      newKey(body.replace("captured by the replay test", "added by replay").replace(target.profileId, other.profileId)),
    changed: async () =>
      Number(
        (await query<{ n: number }>("select count(*)::int as n from customer_notes where body = 'added by replay'"))[0]
          ?.n,
      ) > 0,
  },
  {
    name: "undo a grant",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    // The grant to undo is made first (over HTTP, so the undo's own POST is the one captured).
    async perform(page, { target }) {
      const grant = await callAction(
        serverAction("grantAccessAction"),
        [{ ...grantArgs({ profileId: target.profileId }), reason: "to be undone by the replay test" }],
        { cookie: cookieOf("agent") },
      );
      const eventId = Number(
        (
          await query<{ id: string }>(
            "select id from audit_events where target_profile_id = $1 and action = 'access_level.granted' order by id desc limit 1",
            [target.profileId],
          )
        )[0]?.id,
      );
      expect(grant.result?.data).toMatchObject({ outcome: "succeeded" });
      await page.goto(`/profiles/${target.profileId}`);
      await page.getByRole("button", { name: `Undo change #${eventId}` }).click();
      const dialog = page.getByRole("dialog");
      await expect(dialog.getByTestId("undo-preview")).toBeVisible();
      await dialog.getByRole("button", { name: "Review" }).click();
      await dialog.getByRole("button", { name: "Undo", exact: true }).click();
      await expect(page.getByText(`Change #${eventId} undone.`)).toBeVisible();
    },
    captures: (body) => body.includes('"seen"'),
    vary: (body) => newKey(body.replace(/"reason":"[^"]*"/, '"reason":"undone by replay"')),
    changed: async () => (await auditRowsWithReason("undone by replay")) > 0,
  },
  {
    name: "start a batch",
    allowedRole: "agent",
    deniedRoles: ["viewer"],
    // Two drafts of the agent's are uploaded first (over HTTP); the start on the batch's page is captured.
    async perform(page, { target, other, tag }) {
      const cookie = cookieOf("agent");
      const drafts = {
        started: await uploadBatch(cookie, oneGrant(target)),
        other: await uploadBatch(cookie, oneGrant(other)),
      };
      draftsOf.set(tag, drafts);
      await page.goto(`/bulk/${drafts.started}`);
      await page.getByRole("button", { name: "Review and start" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Start sending" }).click();
      // One row finishes fast: the page may show it completed before the "Started" notice is seen.
      await expect.poll(async () => (await batchRecord(drafts.started)).status).not.toBe("draft");
    },
    vary: (body, { tag }) => body.replace(draftsOf.get(tag)!.started, draftsOf.get(tag)!.other),
    changed: async ({ tag }) => (await batchRecord(draftsOf.get(tag)!.other)).status !== "draft",
  },
];
