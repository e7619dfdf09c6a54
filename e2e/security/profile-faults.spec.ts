import { sessionOf } from "../support/auth";
import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import { sandbox } from "../support/sandbox";
import { SANDBOX_KEY, SANDBOX_URL } from "../support/servers";

// Creating and deleting a profile on a bad day at Adapty say what the grant dialog says
// (lib/change/outcome.ts failureMessage): an outage is not "Adapty refused the profile",
// and a timeout is not "Something went wrong on our side". Nothing is changed either way.
// The console under test gives Adapty 4 s per request (ADAPTY_TIMEOUT_MS). Faults are
// set for the test's own customer only, so this runs beside the other tests.

test.setTimeout(90_000);

const UNAVAILABLE = "Adapty is not answering properly right now. Nothing was changed; try again in a moment.";
const TIMEOUT = "Adapty did not answer in time, and the change was not made. Try again in a moment.";

const storedByCustomer = async (customerUserId: string) =>
  (
    await fetch(`${SANDBOX_URL}/api/v2/server-side-api/profile/`, {
      headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "adapty-customer-user-id": customerUserId },
    })
  ).status;

/** The profile rows about a customer, by either id (a change that failed before its read knows only the profile id). */
const auditRows = (customerUserId: string, profileId: string | null = null) =>
  query<{ action: string; outcome: string }>(
    "select action, outcome::text from audit_events where (target_customer_user_id = $1 or target_profile_id = $2) and action like 'profile.%' and action <> 'profile.viewed' order by id",
    [customerUserId, profileId],
  );

test.describe("create profile", () => {
  test.use({ storageState: sessionOf("agent") });

  for (const scenario of [
    {
      name: "Adapty answers 503 to the create: the outage wording, recorded as failed",
      faults: { failNext: { count: 1, status: 503, methods: ["POST"] } },
      message: UNAVAILABLE,
      rows: [{ action: "profile.created", outcome: "failed" }],
    },
    {
      name: "the existence check times out: the timeout wording, nothing sent, recorded as failed",
      faults: { hangNext: { count: 5, methods: ["GET"] } },
      message: TIMEOUT,
      rows: [{ action: "profile.created", outcome: "failed" }],
    },
  ]) {
    test(scenario.name, async ({ page }) => {
      const customerUserId = `e2e-outage-create-${crypto.randomUUID().slice(0, 8)}`;
      await page.goto("/profiles/new");
      await page.getByLabel("Customer user id", { exact: true }).fill(customerUserId);
      await sandbox.faults(scenario.faults, customerUserId);
      await page.getByRole("button", { name: "Create profile" }).click();

      await expect(page.getByRole("alert").filter({ hasText: scenario.message })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText("Adapty refused the profile.")).toHaveCount(0);
      await expect(page.getByText(/Something went wrong/)).toHaveCount(0);
      await expect(page).toHaveURL("/profiles/new"); // still on the form, the input kept
      await expect(page.getByLabel("Customer user id", { exact: true })).toHaveValue(customerUserId);

      await sandbox.clearFaults(customerUserId);
      expect(await storedByCustomer(customerUserId)).toBe(404);
      expect(await auditRows(customerUserId)).toEqual(scenario.rows);
    });
  }
});

test.describe("delete profile", () => {
  test.use({ storageState: sessionOf("admin") });

  for (const scenario of [
    {
      name: "Adapty answers 503 to the delete: the outage wording, recorded as failed",
      faults: { failNext: { count: 1, status: 503, methods: ["DELETE"] } },
      message: UNAVAILABLE,
      rows: [{ action: "profile.deleted", outcome: "failed" }],
    },
    {
      name: "the read before the delete times out: the timeout wording, nothing sent, recorded as failed",
      faults: { hangNext: { count: 5, methods: ["GET"] } },
      message: TIMEOUT,
      rows: [{ action: "profile.deleted", outcome: "failed" }],
    },
  ]) {
    test(scenario.name, async ({ page, freshProfile }) => {
      const { customerUserId, profileId } = await freshProfile();
      await page.goto(`/profiles/${profileId}/edit`);
      await page.getByLabel(`Type ${customerUserId} to confirm`).fill(customerUserId);
      await page.locator("#delete-reason").fill("fault test");
      await sandbox.faults(scenario.faults, profileId);
      await page.getByRole("button", { name: "Delete profile" }).click();

      await expect(page.getByRole("alert").filter({ hasText: scenario.message })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByText(/Something went wrong/)).toHaveCount(0);

      await sandbox.clearFaults(profileId);
      expect(await storedByCustomer(customerUserId)).toBe(200); // the profile is still there
      expect((await auditRows(customerUserId, profileId)).filter((row) => row.action === "profile.deleted")).toEqual(
        scenario.rows,
      );
    });
  }
});
