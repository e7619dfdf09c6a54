import path from "node:path";
import { sessionOf } from "../support/auth";
import { bringDatabaseBack, takeDatabaseAway } from "../support/database-outage";
import { expect, test } from "../support/fixtures";
import { grantRowAgreesWithAdapty, grantRowOutcome, reviewGrant } from "../support/grants";
import { sandbox } from "../support/sandbox";
import { storedEvents } from "../support/webhooks";
import { CONSOLE_URL, SCREENSHOTS } from "../support/servers";

// The console's own database going away. Without it no change may be sent (there would be
// no record of it); a change already sent when it went away must still be recorded once it
// is back. Either way the agent reads what happened.

test.use({ storageState: sessionOf("agent") });
test.setTimeout(60_000);

test("with the database away, a grant is refused in plain words and nothing reaches Adapty; afterwards it goes through", async ({
  page,
  freshProfile,
}) => {
  const { customerUserId, profileId } = await freshProfile();
  const dialog = await reviewGrant(page, customerUserId, "database away before the grant");
  await sandbox.clearRequests();
  await takeDatabaseAway();
  try {
    await dialog.getByRole("button", { name: "Grant", exact: true }).click();
    await expect(dialog.getByRole("alert")).toHaveText(
      "The console's database is not answering, so nothing was sent or changed. Try again in a moment; if it keeps happening, tell the engineer who runs the console.",
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, "grant-database-away.png") });
    const health = await fetch(`${CONSOLE_URL}/api/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { database: { ok: boolean } }).database.ok).toBe(false);
  } finally {
    await bringDatabaseBack();
  }
  // Reads (the health check's, the page's) may have reached Adapty; no change did.
  expect((await sandbox.requests()).filter((request) => request.method !== "GET")).toEqual([]);
  expect(await grantRowOutcome(profileId)).toBeUndefined();

  // The dialog kept what the agent typed: review again and grant.
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(page.getByText("Granted. The profile below is what Adapty now holds.")).toBeVisible();
  await grantRowAgreesWithAdapty(profileId);
});

test("the database going away while a grant is at Adapty: the change is recorded once the database is back", async ({
  page,
  freshProfile,
}) => {
  const { customerUserId, profileId } = await freshProfile();
  const dialog = await reviewGrant(page, customerUserId, "database away during the grant");
  await sandbox.faults({ delayNext: { count: 1, ms: 3_000, methods: ["POST"] } }, customerUserId);
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect.poll(() => grantRowOutcome(profileId)).toBe("pending"); // written before sending
  await takeDatabaseAway();
  try {
    // Adapty applied it, but the page cannot be shown without the database (it reads the
    // staff member first): the agent is told to look again, never that nothing changed.
    await expect(
      page.getByText("If you had just changed something, look the customer up again to see whether it took effect"),
    ).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, "page-database-away.png") });
  } finally {
    await bringDatabaseBack();
  }
  await expect.poll(() => grantRowOutcome(profileId), { timeout: 20_000 }).toBe("succeeded");
  await grantRowAgreesWithAdapty(profileId);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator('tr[data-access-level="premium"] [data-status]')).toHaveText("Active");
});

test("with the database away, Adapty's webhook delivery is answered 503, and Adapty's retry stores the event once", async ({
  freshProfile,
}) => {
  const { profileId } = await freshProfile({ like: "demo-active-renewing" });
  await takeDatabaseAway();
  let renewal: string | undefined;
  try {
    const simulated = await sandbox.simulate(profileId, { type: "subscription_renewed" });
    renewal = simulated.events.find((event) => event.event_type === "subscription_renewed")?.event_properties
      .profile_event_id;
    await expect
      .poll(async () => (await sandbox.deliveries(profileId)).map((attempt) => attempt.status))
      .toContain(503);
  } finally {
    await bringDatabaseBack();
  }
  // The sandbox retries as Adapty does (after 0.5 s, 1 s, 2 s… here, minutes at Adapty).
  await expect
    .poll(async () => (await storedEvents(profileId)).map((event) => event.payload.event_properties), {
      timeout: 30_000,
    })
    .toContainEqual(expect.objectContaining({ profile_event_id: renewal }));
  const stored = await storedEvents(profileId);
  expect(stored.filter((event) => event.event_type === "subscription_renewed")).toHaveLength(1);
});
