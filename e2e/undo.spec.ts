import type { Page } from "@playwright/test";
import { sessionOf } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { cookieOf } from "./support/http-session";
import { sandboxApi, storedAccessLevel } from "./support/sandbox-profile";
import { callAction, serverAction } from "./support/server-actions";

test.use({ storageState: sessionOf("agent") });

const byCustomer = (id: string) => `/profiles/by-customer/${encodeURIComponent(id)}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const instant = (iso: string | null | undefined) =>
  iso ? Date.parse(iso.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) : null;

/** The newest audit row of a grant or revoke of this customer's premium. */
async function lastChange(profileId: string) {
  const [row] = await query<{ id: string; action: string; outcome: string; undoes_event_id: string | null }>(
    "select id, action, outcome, undoes_event_id from audit_events where target_profile_id = $1 and action like 'access_level.%' order by id desc limit 1",
    [profileId],
  );
  if (!row) throw new Error(`no change of ${profileId}`);
  return { ...row, id: Number(row.id) };
}

async function grantMonth(page: Page, customer: string) {
  await page.goto(byCustomer(customer));
  await page.getByRole("button", { name: "Grant access" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("1 month", { exact: true }).click();
  await dialog.getByLabel("Reason").fill("Goodwill month");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(page.getByText("Granted. The profile below is what Adapty now holds.")).toBeVisible();
}

/** Opens the undo of row `id` where it is listed (timeline or audit log) and waits for the preview. */
async function openUndo(page: Page, id: number) {
  await page.getByRole("button", { name: `Undo change #${id}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("undo-preview")).toBeVisible();
  await expect(dialog.getByLabel("Reason")).toHaveValue(`Undo of change #${id}`);
  return dialog;
}

async function confirmUndo(page: Page, id: number) {
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByText(`Change #${id} undone.`)).toBeVisible();
}

test("undo of a grant from the timeline puts back exactly the expiry the customer had", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile({ grants: [{ accessLevelId: "premium", expiresAt: inDays(10) }] });
  const before = await storedAccessLevel(customer.profileId, "premium");
  await grantMonth(page, customer.customerUserId);
  const grant = await lastChange(customer.profileId);
  expect(instant((await storedAccessLevel(customer.profileId, "premium"))?.expires_at)).not.toBe(
    instant(before?.expires_at),
  );

  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("button", { name: `Undo change #${grant.id}` })).toBeVisible();
  const dialog = await openUndo(page, grant.id);
  await expect(dialog.getByTestId("undo-sends")).toContainText("Grant premium until");
  await expect(dialog.getByTestId("undo-changed")).toHaveCount(0);
  await confirmUndo(page, grant.id);

  const after = await storedAccessLevel(customer.profileId, "premium");
  expect(instant(after?.expires_at)).toBe(instant(before?.expires_at));
  const undo = await lastChange(customer.profileId);
  expect(undo).toMatchObject({ action: "access_level.granted", outcome: "succeeded" });
  expect(Number(undo.undoes_event_id)).toBe(grant.id);
  await expect(timeline.locator(`[data-audit-id="${undo.id}"] [data-undo-of="${grant.id}"]`)).toBeVisible();
  await expect(timeline.locator(`[data-audit-id="${grant.id}"] [data-undone-by="${undo.id}"]`)).toBeVisible();
});

test("undo of a revoke, from the audit log, restores the previous expiry exactly; a second undo is refused", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile({ grants: [{ accessLevelId: "premium", expiresAt: inDays(20) }] });
  const before = await storedAccessLevel(customer.profileId, "premium");
  await page.goto(byCustomer(customer.customerUserId));
  await page.getByRole("button", { name: "Revoke premium" }).click();
  const revokeDialog = page.getByRole("dialog");
  await revokeDialog.getByLabel("Reason").fill("Revoked by mistake");
  await revokeDialog.getByRole("button", { name: "Review" }).click();
  await revokeDialog.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByText("Revoked. The profile below is what Adapty now holds.")).toBeVisible();
  const revoke = await lastChange(customer.profileId);

  await page.goto(`/audit?user=${encodeURIComponent(customer.customerUserId)}`);
  await openUndo(page, revoke.id);
  await confirmUndo(page, revoke.id);
  expect(instant((await storedAccessLevel(customer.profileId, "premium"))?.expires_at)).toBe(
    instant(before?.expires_at),
  );
  const undo = await lastChange(customer.profileId);
  expect(Number(undo.undoes_event_id)).toBe(revoke.id);
  await expect(page.locator(`tbody[data-audit-id="${revoke.id}"] [data-undone-by="${undo.id}"]`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Undo change #${revoke.id}` })).toHaveCount(0);

  // Crafted: the same undo again, as if from a stale tab.
  const again = await callAction(
    serverAction("undoByGrantAction"),
    [
      {
        eventId: revoke.id,
        profileId: customer.profileId,
        seen: "none",
        confirmedChanges: true,
        reason: "again",
        idempotencyKey: crypto.randomUUID(),
      },
    ],
    { cookie: cookieOf("agent") },
  );
  expect(again.result?.data).toEqual({ outcome: "refused", message: "Undo.errors.alreadyUndone" });
  expect(instant((await storedAccessLevel(customer.profileId, "premium"))?.expires_at)).toBe(
    instant(before?.expires_at),
  );
});

test("a change made since is explained and must be confirmed; one made after the preview is refused", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile();
  await grantMonth(page, customer.customerUserId);
  const grant = await lastChange(customer.profileId);
  // Another tool moves the expiry after the console's grant.
  await sandboxApi("/purchase/profile/grant/access-level/", customer.customerUserId, {
    access_level_id: "premium",
    expires_at: inDays(45),
  });
  await page.reload();
  let dialog = await openUndo(page, grant.id);
  await expect(dialog.getByTestId("undo-changed")).toContainText("Since then the expiry moved from");
  await expect(dialog.getByTestId("undo-sends")).toContainText("Revoke premium now");
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(
    dialog.getByText("Confirm that you want to undo although the access level changed since."),
  ).toBeVisible();

  // Once more after the preview: the state the agent decided on is no longer Adapty's.
  await sandboxApi("/purchase/profile/grant/access-level/", customer.customerUserId, {
    access_level_id: "premium",
    expires_at: inDays(50),
  });
  await dialog.getByLabel(/I have read what changed/).check();
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(dialog.getByText("The access level changed since you looked, so nothing was sent.")).toBeVisible();
  const [sent] = await query<{ n: number }>(
    "select count(*)::int as n from audit_events where target_profile_id = $1 and id > $2 and outcome <> 'refused'",
    [customer.profileId, grant.id],
  );
  expect(sent?.n).toBe(0);

  await dialog.getByRole("button", { name: "Look again" }).click();
  dialog = page.getByRole("dialog");
  await dialog.getByLabel(/I have read what changed/).check();
  await confirmUndo(page, grant.id);
  expect(instant((await storedAccessLevel(customer.profileId, "premium"))?.expires_at)).toBeLessThanOrEqual(Date.now());
  const undo = await lastChange(customer.profileId);
  expect(undo).toMatchObject({ action: "access_level.revoked", outcome: "succeeded" });
  expect(Number(undo.undoes_event_id)).toBe(grant.id);
});
