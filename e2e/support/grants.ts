import { expect, type Page } from "@playwright/test";
import { query } from "./database";
import { storedAccessLevel } from "./sandbox-profile";

/** Opens the grant dialog on a customer and fills it (one month of premium) up to the confirmation. */
export async function reviewGrant(page: Page, customerUserId: string, reason: string) {
  await page.goto(`/profiles/by-customer/${encodeURIComponent(customerUserId)}`);
  await page.getByRole("button", { name: "Grant access" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("1 month", { exact: true }).click();
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByRole("button", { name: "Grant", exact: true })).toBeVisible();
  return dialog;
}

/** The outcome of the one grant row for a profile (the grant that was sent: refusals have rows of their own), if there is one yet. */
export const grantRowOutcome = async (profileId: string) =>
  (
    await query<{ outcome: string }>(
      "select outcome::text from audit_events where action = 'access_level.granted' and target_profile_id = $1 and outcome <> 'refused'",
      [profileId],
    )
  )[0]?.outcome;

/** The one grant row for a profile, checked against what the sandbox holds: succeeded exactly when premium has the asked-for expiry. */
export async function grantRowAgreesWithAdapty(profileId: string) {
  const rows = await query<{ outcome: string; expires_at: string; detail: string | null }>(
    "select outcome::text, params->>'expires_at' as expires_at, detail from audit_events where action = 'access_level.granted' and target_profile_id = $1 and outcome <> 'refused'",
    [profileId],
  );
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  const stored = await storedAccessLevel(profileId, "premium");
  const applied =
    stored?.expires_at != null &&
    Date.parse(stored.expires_at.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) === Date.parse(row.expires_at);
  expect(
    row.outcome === "succeeded",
    `the row says ${row.outcome}; Adapty ${applied ? "has" : "lacks"} the grant`,
  ).toBe(applied);
  return row;
}
