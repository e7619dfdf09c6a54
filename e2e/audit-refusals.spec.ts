import { sessionOf } from "./support/auth";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { cookieOf } from "./support/http-session";
import { sandbox } from "./support/sandbox";
import { callAction, serverAction } from "./support/server-actions";

// A change the agent confirmed that did not happen — the console refused it on a fresh
// read or on its rules, or Adapty said no — is part of the record: one row, its outcome,
// and why; and the audit page's outcome filter finds it.

test.use({ storageState: sessionOf("admin") });

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** The rows about one customer for one action, oldest first. */
const rowsFor = (profileId: string, action: string) =>
  query<{ outcome: string; detail: string | null; reason: string | null; actor_email: string; adapty_status: number }>(
    "select outcome::text, detail, reason, actor_email, adapty_status from audit_events where target_profile_id = $1 and action = $2 order by id",
    [profileId, action],
  );

const call = (name: string, args: Record<string, unknown>) =>
  callAction(serverAction(name), [args], { cookie: cookieOf("agent") });

test("a revoke the console refuses after confirmation (the expiry changed meanwhile) is recorded as refused, with why", async ({
  page,
  freshProfile,
}) => {
  // The agent's screen showed premium until day 30; meanwhile it was cut to day 5 elsewhere.
  const customer = await freshProfile({ grants: [{ accessLevelId: "premium", expiresAt: days(5) }] });
  await page.goto(`/profiles/by-customer/${encodeURIComponent(customer.customerUserId)}`); // the agent looked first
  await sandbox.clearRequests(customer.profileId);
  const answer = await call("revokeAccessAction", {
    profileId: customer.profileId,
    accessLevelId: "premium",
    revokeAt: days(20),
    reason: "refund agreed on the phone",
    idempotencyKey: crypto.randomUUID(),
  });
  expect((answer.result?.data as { outcome?: string } | undefined)?.outcome).toBe("refused");
  expect(await sandbox.requests(customer.profileId), "nothing reached Adapty but the read").toHaveLength(1);

  const rows = await rowsFor(customer.profileId, "access_level.revoked");
  expect(rows).toEqual([
    expect.objectContaining({
      outcome: "refused",
      reason: "refund agreed on the phone",
      actor_email: "agent@e2e.test",
    }),
  ]);
  expect(rows[0]?.detail).toMatch(/revokeAt/);

  await page.goto(`/audit?outcome=refused&user=${encodeURIComponent(customer.customerUserId)}`);
  const row = page.locator('tbody[data-action="access_level.revoked"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Refused");
  await row.getByText("Details").click();
  await expect(row).toContainText("revokeAt");
});

test("a grant refused on validation after confirmation (its start passed while the agent read the review) is recorded", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile();
  const answer = await call("grantAccessAction", {
    profileId: customer.profileId,
    accessLevelId: "premium",
    startsAt: days(-1 / 24),
    expiresAt: days(30),
    reason: "goodwill",
    idempotencyKey: crypto.randomUUID(),
  });
  expect(answer.result?.validationErrors).toBeDefined();
  const rows = await rowsFor(customer.profileId, "access_level.granted");
  expect(rows).toEqual([expect.objectContaining({ outcome: "refused", reason: "goodwill" })]);
  expect(rows[0]?.detail).toMatch(/startsAt/);

  await page.goto(`/audit?outcome=refused&user=${customer.profileId}`);
  await expect(page.locator('tbody[data-action="access_level.granted"]')).toHaveCount(1);
});

test("a grant Adapty refused (400) is recorded as failed with Adapty's status, and the Failed filter finds it", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile();
  await sandbox.faults(
    { failNext: { count: 1, status: 400, errorCode: "bad_request", methods: ["POST"] } },
    customer.profileId,
  );
  const answer = await call("grantAccessAction", {
    profileId: customer.profileId,
    accessLevelId: "premium",
    startsAt: null,
    expiresAt: days(30),
    reason: "goodwill",
    idempotencyKey: crypto.randomUUID(),
  });
  expect((answer.result?.data as { outcome?: string } | undefined)?.outcome).toBe("failed");
  expect(await rowsFor(customer.profileId, "access_level.granted")).toEqual([
    expect.objectContaining({ outcome: "failed", adapty_status: 400 }),
  ]);
  await page.goto(`/audit?outcome=failed&user=${customer.profileId}`);
  await expect(page.locator('tbody[data-action="access_level.granted"]')).toHaveCount(1);
});

test("a grant that failed because Adapty could not be read first is recorded as failed", async ({
  page,
  freshProfile,
}) => {
  const customer = await freshProfile();
  await sandbox.faults({ failNext: { count: 10, status: 401, methods: ["GET"] } }, customer.profileId);
  const answer = await call("grantAccessAction", {
    profileId: customer.profileId,
    accessLevelId: "premium",
    startsAt: null,
    expiresAt: days(30),
    reason: "goodwill",
    idempotencyKey: crypto.randomUUID(),
  });
  expect((answer.result?.data as { outcome?: string } | undefined)?.outcome).toBe("failed");
  expect(await rowsFor(customer.profileId, "access_level.granted")).toEqual([
    expect.objectContaining({ outcome: "failed", adapty_status: 401 }),
  ]);
  await page.goto(`/audit?outcome=failed&user=${customer.profileId}`);
  await expect(page.locator('tbody[data-action="access_level.granted"]')).toHaveCount(1);
});

test("a staff change refused by the console's rules is recorded as refused", async () => {
  const [self] = await query<{ id: string }>("select id from staff where email = 'admin@e2e.test'");
  const answer = await callAction(serverAction("changeRoleAction"), [{ staffId: self?.id, role: "viewer" }], {
    cookie: cookieOf("admin"),
  });
  expect((answer.result?.data as { outcome?: string } | undefined)?.outcome).toBe("refused");
  const rows = await query<{ outcome: string; detail: string | null }>(
    "select outcome::text, detail from audit_events where action = 'staff.role_changed' and params->>'staffId' = $1 order by id desc limit 1",
    [self?.id],
  );
  expect(rows).toEqual([expect.objectContaining({ outcome: "refused" })]);
  expect(rows[0]?.detail).toMatch(/own role/);
});
