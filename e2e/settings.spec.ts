import { sessionOf, signIn } from "./support/auth";
import { query } from "./support/database";
import { cookieOf } from "./support/http-session";
import { expect, test } from "./support/fixtures";
import { SUITE_SETTINGS } from "./support/policy";
import { callAction, serverAction } from "./support/server-actions";

// Issue 19: the grant policy is set by admins on the Settings page, stored and audited.
// The suite's policy is saved again unchanged, so tests running beside these see no change.

test.use({ storageState: sessionOf("admin") });

const version = async () =>
  Number((await query<{ version: number }>("select version from console_settings where id = 1"))[0]?.version);

test("an admin saves the grant policy: stored, audited with before and after, and shown on the form", async ({
  browser,
  freshStaff,
}) => {
  // An admin of this test's own, so the audit row read below is this save's, whatever runs beside it.
  const email = await freshStaff("admin");
  // Not the file's admin session: this admin signs in afresh.
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, email);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  const agents = page.getByRole("group", { name: "Agents" });
  await expect(agents.getByLabel("Longest grant (days)")).toHaveValue("1000");
  await expect(agents.getByLabel("May grant lifetime access")).not.toBeChecked();
  await agents.getByLabel("Longest grant (days)").fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(agents.getByText("Enter at least 1, or leave it empty for no limit.")).toBeVisible();

  const before = await version();
  await agents.getByLabel("Longest grant (days)").fill("1000");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. The new policy applies to the next grant.")).toBeVisible();
  expect(await version()).toBeGreaterThan(before);
  const [row] = await query<{ outcome: string; access_after: unknown }>(
    "select outcome::text, access_after from audit_events where action = 'settings.changed' and actor_email = $1 order by id desc limit 1",
    [email],
  );
  expect(row).toEqual({ outcome: "succeeded", access_after: SUITE_SETTINGS });
  await expect(page.getByText(`Last changed by ${email},`)).toBeVisible();
});

test("a save from an older version is refused and changes nothing: two admins never overwrite each other", async () => {
  const stale = (await version()) - 1;
  const answer = await callAction(
    serverAction("saveSettingsAction"),
    [{ settings: SUITE_SETTINGS, fromVersion: stale }],
    {
      cookie: cookieOf("admin"),
    },
  );
  expect(answer.result?.data).toMatchObject({ outcome: "refused", message: "Settings.errors.changedMeanwhile" });
  const bad = await callAction(
    serverAction("saveSettingsAction"),
    [{ settings: { ...SUITE_SETTINGS, undoHours: -1 }, fromVersion: await version() }],
    { cookie: cookieOf("admin") },
  );
  expect(bad.status).toBeLessThan(500);
  expect(bad.result?.validationErrors).toBeTruthy();
});
