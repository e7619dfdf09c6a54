import path from "node:path";
import { sessionOf, signIn } from "./support/auth";
import { query, staffRow } from "./support/database";
import { expect, test } from "./support/fixtures";
import { SCREENSHOTS } from "./support/servers";

// The staff page: a role change or a disabling asks first, says what happened after, and
// its audit row names the member by email with what they were before and after.

test.use({ storageState: sessionOf("admin") });

const SIGNED_OUT = { cookies: [], origins: [] };

/** The newest audit row of this action about this staff member (by email). */
async function staffAuditRow(action: string, email: string) {
  const [row] = await query<{
    outcome: string;
    params: Record<string, unknown>;
    access_before: Record<string, unknown> | null;
    access_after: Record<string, unknown> | null;
  }>(
    "select outcome::text, params, access_before, access_after from audit_events where action = $1 and params->>'email' = $2 order by id desc limit 1",
    [action, email],
  );
  return row;
}

test("a role change asks for confirmation, says what happened, and is audited with the email and both roles", async ({
  page,
  freshStaff,
}) => {
  const email = await freshStaff("viewer");
  await page.goto("/staff");
  const row = page.locator(`tr[data-staff-email="${email}"]`);
  await row.getByRole("combobox", { name: "Role" }).selectOption("agent");
  await row.getByRole("button", { name: "Change role" }).click();

  const dialog = page.getByRole("dialog", { name: "Change role?" });
  await expect(dialog).toContainText(email);
  await expect(dialog).toContainText("from Viewer to Agent");
  await page.screenshot({ path: path.join(SCREENSHOTS, "staff-confirm-1280.png") });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.screenshot({ path: path.join(SCREENSHOTS, "staff-confirm-390.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
  expect((await staffRow(email))?.role, "nothing changes before the confirmation").toBe("viewer");

  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${email} is now Agent.` })).toBeVisible();
  expect((await staffRow(email))?.role).toBe("agent");
  await expect(row.locator("td").nth(1)).toHaveText("Agent");
  await page.screenshot({ path: path.join(SCREENSHOTS, "staff-changed-1280.png") });
  await page.setViewportSize({ width: 390, height: 800 });
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "staff-changed-390.png") });
  await page.setViewportSize({ width: 1280, height: 800 });

  const audited = await staffAuditRow("staff.role_changed", email);
  expect(audited).toEqual(
    expect.objectContaining({
      outcome: "succeeded",
      params: expect.objectContaining({ email, role: "agent" }),
      access_before: expect.objectContaining({ email, role: "viewer" }),
      access_after: expect.objectContaining({ email, role: "agent" }),
    }),
  );

  await page.goto("/audit?action=staff.role_changed");
  const shown = page.locator('tbody[data-action="staff.role_changed"]').first();
  await expect(shown).toContainText(email);
  await expect(shown).toContainText("Viewer → Agent");
});

test("disabling asks for confirmation (and can be cancelled), then says the member is disabled and signed out", async ({
  page,
  freshStaff,
}) => {
  const email = await freshStaff("agent");
  await page.goto("/staff");
  const row = page.locator(`tr[data-staff-email="${email}"]`);

  await row.getByRole("button", { name: "Disable" }).click();
  const dialog = page.getByRole("dialog", { name: "Disable this staff member?" });
  await expect(dialog).toContainText(email);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await staffRow(email))?.enabled, "cancelled: still enabled").toBe(true);

  await row.getByRole("button", { name: "Disable" }).click();
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `${email} is disabled and signed out everywhere.` }),
  ).toBeVisible();
  expect((await staffRow(email))?.enabled).toBe(false);
  await expect(row).toContainText("Disabled");

  const audited = await staffAuditRow("staff.disabled", email);
  expect(audited).toEqual(
    expect.objectContaining({
      outcome: "succeeded",
      access_before: expect.objectContaining({ email, enabled: true }),
      access_after: expect.objectContaining({ email, enabled: false }),
    }),
  );
});

test("the staff list says when each member last signed in, with the time zone", async ({
  browser,
  page,
  freshStaff,
}) => {
  const email = await freshStaff("viewer");
  await page.goto("/staff");
  const lastSignedIn = page.locator(`tr[data-staff-email="${email}"] td[data-column="last-signed-in"]`);
  await expect(lastSignedIn).toHaveText("Never");

  const member = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await signIn(member, email);
  await page.reload();
  // The browser runs in Europe/Berlin: the time names its zone.
  await expect(lastSignedIn).toContainText(/GMT\+1|CET/);
  await expect(lastSignedIn).toContainText(String(new Date().getFullYear()));
});
