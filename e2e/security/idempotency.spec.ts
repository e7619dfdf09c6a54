import { sessionOf } from "../support/auth";
import { watchForChanges } from "../support/change-watch";
import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import { cookieOf } from "../support/http-session";
import { sandbox } from "../support/sandbox";
import { callAction, serverAction } from "../support/server-actions";

// Threat: the same change applied twice — a double click, a retry by a flaky network, a
// replayed request — granting twice, or a key captured from one change used for another.

const rowsWithKey = (key: string) =>
  query<{ outcome: string; actor_email: string }>(
    "select outcome::text, actor_email from audit_events where idempotency_key = $1",
    [key],
  );
const grantsAtAdapty = async () =>
  (await sandbox.requests()).filter((request) => request.method === "POST" && request.path.includes("/grant/"));

test("the same grant sent five times at once reaches Adapty once and is recorded once", async ({ freshProfile }) => {
  const { profileId } = await freshProfile();
  const watch = await watchForChanges();
  const key = crypto.randomUUID();
  const args = {
    profileId,
    accessLevelId: "premium",
    startsAt: null,
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    reason: "replayed five times",
    idempotencyKey: key,
  };
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      callAction(serverAction("grantAccessAction"), [args], { cookie: cookieOf("agent") }),
    ),
  );
  // Each is the first one's answer, or "still in progress" (unknown, said as Change.inProgress).
  for (const answer of answers) {
    const data = answer.result?.data as { outcome: string; message?: string } | undefined;
    expect(data?.outcome === "succeeded" || data?.message === "Change.inProgress", JSON.stringify(data)).toBe(true);
  }
  expect(await grantsAtAdapty()).toHaveLength(1);
  expect(await rowsWithKey(key)).toEqual([{ outcome: "succeeded", actor_email: "agent@e2e.test" }]);
  // Sent again later, with the reason edited: the first answer, nothing sent.
  const later = await callAction(serverAction("grantAccessAction"), [{ ...args, reason: "edited and replayed" }], {
    cookie: cookieOf("agent"),
  });
  expect(later.result?.data).toMatchObject({ outcome: "succeeded", replayed: true });
  expect(await grantsAtAdapty()).toHaveLength(1);
  const rows = await watch.newAuditRows();
  expect(rows.filter((row) => row.action === "access_level.granted")).toHaveLength(1);
});

test("a key used for one change cannot carry another: other person, other customer, other action", async ({
  freshProfile,
}) => {
  const { profileId } = await freshProfile();
  const another = await freshProfile({ like: "demo-lifetime" });
  const key = crypto.randomUUID();
  const base = {
    profileId,
    accessLevelId: "premium",
    startsAt: null,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    reason: "first use",
    idempotencyKey: key,
  };
  const first = await callAction(serverAction("grantAccessAction"), [base], { cookie: cookieOf("agent") });
  expect(first.result?.data).toMatchObject({ outcome: "succeeded" });
  const watch = await watchForChanges();
  const reuses = [
    { who: "another staff member", action: "grantAccessAction", args: base, cookie: cookieOf("admin") },
    {
      who: "another customer",
      action: "grantAccessAction",
      args: { ...base, profileId: another.profileId },
      cookie: cookieOf("agent"),
    },
    {
      who: "another action",
      action: "revokeAccessAction",
      args: { profileId, accessLevelId: "premium", revokeAt: null, reason: "reuse", idempotencyKey: key },
      cookie: cookieOf("agent"),
    },
  ];
  for (const reuse of reuses) {
    const answer = await callAction(serverAction(reuse.action), [reuse.args], { cookie: reuse.cookie });
    expect(answer.status, reuse.who).toBeLessThan(500);
    expect(answer.result?.serverError, reuse.who).toBe(
      "This submission belongs to a different change, so nothing was sent. Reload the page and try again.",
    );
  }
  // The reads before each change are allowed; no change reached Adapty, and the key still names one row.
  expect((await watch.requestsAtAdapty()).filter((request) => request.method !== "GET")).toEqual([]);
  expect(await rowsWithKey(key)).toHaveLength(1);
  // Each reuse is on the record as a refusal of its own (without the key), nothing more.
  const refusals = await watch.newAuditRows();
  expect(refusals.map((row) => [row.action, row.outcome, row.actor_email])).toEqual([
    ["access_level.granted", "refused", "admin@e2e.test"],
    ["access_level.granted", "refused", "agent@e2e.test"],
    ["access_level.revoked", "refused", "agent@e2e.test"],
  ]);
  expect(refusals.every((row) => row.detail?.includes("belongs to a different change"))).toBe(true);
});

test("a double click on Create profile creates one profile and one audit row", async ({ browser }) => {
  const customer = `double-clicked-${crypto.randomUUID().slice(0, 8)}`;
  const page = await (await browser.newContext({ storageState: sessionOf("agent") })).newPage();
  await page.goto("/profiles/new");
  await page.getByLabel("Customer user id", { exact: true }).fill(customer);
  const watch = await watchForChanges();
  await page.getByRole("button", { name: "Create profile" }).dblclick();
  await expect(page).toHaveURL(/\/profiles\/[0-9a-f-]{36}$/);
  const creates = (await watch.requestsAtAdapty()).filter((request) => request.method === "POST");
  expect(creates).toHaveLength(1);
  const rows = await query<{ n: number }>(
    "select count(*)::int as n from audit_events where action = 'profile.created' and target_customer_user_id = $1",
    [customer],
  );
  expect(rows[0]?.n).toBe(1);
});
