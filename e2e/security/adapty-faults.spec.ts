import path from "node:path";
import { sessionOf } from "../support/auth";
import { query } from "../support/database";
import { lastAuditId } from "../support/change-watch";
import { expect, test } from "../support/fixtures";
import { grantRowAgreesWithAdapty, grantRowOutcome, reviewGrant } from "../support/grants";
import { sandbox } from "../support/sandbox";
import { SCREENSHOTS } from "../support/servers";

// A bad day at Adapty, made by the sandbox's fault controls: the agent reads a clear
// message, a change is never sent twice unless Adapty said it did not take it (429),
// reads are retried, and afterwards every audit row agrees with what Adapty holds.
// The console under test gives Adapty 4 s per request (ADAPTY_TIMEOUT_MS). Each test's
// faults are those of a customer made for it.

test.use({ storageState: sessionOf("agent") });
test.setTimeout(90_000);

const changesAtAdapty = async (customer: string) =>
  (await sandbox.requests(customer)).filter((request) => request.method === "POST");
const readsAtAdapty = async (customer: string) =>
  (await sandbox.requests(customer)).filter((request) => request.method === "GET");

const GRANTED = "Granted. The profile below is what Adapty now holds.";
const UNKNOWN =
  "Adapty did not answer in time, so whether this took effect is not known yet. The audit log marks it unknown; refresh the profile before trying again.";

const SCENARIOS = [
  {
    name: "a 500 on the grant: failed, said plainly, not retried",
    faults: { failNext: { count: 1, status: 500, methods: ["POST"] } },
    message: "Adapty is not answering properly right now. Nothing was changed; try again in a moment.",
    changes: 1,
    settles: "failed",
  },
  {
    name: "a grant slower than the timeout, which Adapty applies late: unknown at first, then settled as made",
    faults: { delayNext: { count: 1, ms: 6_000, methods: ["POST"] } },
    message: UNKNOWN,
    changes: 1,
    settles: "succeeded",
  },
  {
    name: "a grant that hangs: not retried; unknown at first, then settled as not made",
    faults: { hangNext: { count: 1, methods: ["POST"] } },
    message: UNKNOWN,
    changes: 1,
    settles: "failed",
  },
  {
    name: "a connection dropped before Adapty processed the grant: not retried; settled as not made",
    faults: { dropNext: { count: 1, when: "before", methods: ["POST"] } },
    message: UNKNOWN,
    changes: 1,
    settles: "failed",
  },
  {
    name: "a connection dropped after Adapty applied the grant: not retried; a re-read shows it at once",
    faults: { dropNext: { count: 1, when: "after", methods: ["POST"] } },
    message: GRANTED,
    changes: 1,
    settles: "succeeded",
  },
  {
    name: "a 429 with Retry-After: Adapty did not take it, so it is sent again after the wait",
    faults: { rateLimitNext: { count: 1, retryAfterSeconds: 1, methods: ["POST"] } },
    message: GRANTED,
    changes: 2,
    settles: "succeeded",
  },
];

for (const scenario of SCENARIOS) {
  test(scenario.name, async ({ page, freshProfile }) => {
    const { customerUserId, profileId } = await freshProfile();
    const dialog = await reviewGrant(page, customerUserId, scenario.name);
    await sandbox.clearRequests(customerUserId);
    await sandbox.faults(scenario.faults, customerUserId);
    await dialog.getByRole("button", { name: "Grant", exact: true }).click();
    await expect(page.getByText(scenario.message)).toBeVisible({ timeout: 20_000 });
    if (scenario.faults.hangNext) await page.screenshot({ path: path.join(SCREENSHOTS, "grant-outcome-unknown.png") });
    // Unknown outcomes are re-read after one and three timeouts (4 s and 12 s here).
    await expect.poll(() => grantRowOutcome(profileId), { timeout: 30_000 }).toBe(scenario.settles);
    await grantRowAgreesWithAdapty(profileId);
    const changes = await changesAtAdapty(customerUserId);
    expect(changes).toHaveLength(scenario.changes);
    if (scenario.changes === 2) {
      // The resend honoured Retry-After: 1 (the sandbox stamps each request it receives).
      expect(Date.parse(changes[1]!.time) - Date.parse(changes[0]!.time)).toBeGreaterThanOrEqual(900);
    }
  });
}

test("reads past the timeout are retried, then the agent sees a plain message and a way to try again", async ({
  page,
  freshProfile,
}) => {
  const { customerUserId } = await freshProfile({ like: "demo-lifetime" });
  await sandbox.faults({ delayNext: { count: 3, ms: 5_000, methods: ["GET"] } }, customerUserId);
  await page.goto(`/profiles/by-customer/${customerUserId}`);
  await expect(page.getByText("Adapty did not answer in time. Try again in a moment.")).toBeVisible({
    timeout: 30_000,
  });
  // A read is safe to repeat: each slow answer was given up on and asked again.
  expect(
    (await readsAtAdapty(customerUserId)).filter((request) => request.fault === "delay").length,
  ).toBeGreaterThanOrEqual(2);
  await sandbox.faults({}, customerUserId);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("customer-user-id")).toHaveText(customerUserId);
});

test("a 500 and a 429 on reading a profile: plain words, and the page recovers", async ({ page, freshProfile }) => {
  const { customerUserId } = await freshProfile({ like: "demo-lifetime" });
  await sandbox.faults({ failNext: { count: 5, status: 500, methods: ["GET"] } }, customerUserId);
  await page.goto(`/profiles/by-customer/${customerUserId}`);
  await expect(
    page.getByText("Adapty is not answering properly right now. Nothing was changed; try again in a moment."),
  ).toBeVisible();
  await sandbox.faults({ rateLimitNext: { count: 1, retryAfterSeconds: 1, methods: ["GET"] } }, customerUserId);
  await sandbox.clearRequests(customerUserId);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("customer-user-id")).toHaveText(customerUserId);
  expect((await readsAtAdapty(customerUserId)).map((request) => request.status)).toEqual([429, 200]);
});

let firstRow = "0";
test.beforeEach(async () => {
  firstRow = await lastAuditId();
});

test.afterEach(async ({ madeProfiles }) => {
  // No change is left pending or unknown by any fault above (to the test's own customers:
  // the other tests running meanwhile have changes under way of their own).
  const open = await query(
    "select id, action, outcome::text from audit_events where id > $1 and outcome in ('pending', 'unknown') and target_profile_id = any($2)",
    [firstRow, madeProfiles.map((profile) => profile.profileId)],
  );
  expect(open).toEqual([]);
});
