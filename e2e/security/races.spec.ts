import { sessionOf } from "../support/auth";
import { watchForChanges } from "../support/change-watch";
import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import { grantRowAgreesWithAdapty, reviewGrant } from "../support/grants";
import { cookieOf, signInOverHttp } from "../support/http-session";
import { storedAccessLevel } from "../support/sandbox-profile";
import { callAction, serverAction } from "../support/server-actions";
import { E2E_PASSWORD } from "../support/servers";

// Threat: two people changing the same thing at the same moment, each deciding on what it
// read before the other wrote. Both races run through the real actions over HTTP, on
// PostgreSQL (the embedded database runs one statement at a time and would hide them).
// Figures are printed; the assertions are that no round broke the rule.

const ROUNDS = 50;
/** The catalogue key the refusal carries (Staff.lastAdmin: "The console must keep at least one enabled admin…"). */
const LAST_ADMIN = "Staff.lastAdmin";

test.setTimeout(240_000);

test("two admins disabling each other at the same moment: one is refused, and an enabled admin always remains", async () => {
  const pair = ["race-admin-a@e2e.test", "race-admin-b@e2e.test"];
  // Added by the admin through the console's own action (a second run finds them there).
  for (const email of pair)
    await callAction(serverAction("addStaffAction"), [{ email, role: "admin", password: E2E_PASSWORD }], {
      cookie: cookieOf("admin"),
    });
  const ids = (await query<{ id: string }>("select id from staff where email = any($1) order by email", [pair])).map(
    (row) => row.id,
  );
  // The pair must be the last two enabled admins, or both removals would rightly succeed:
  // the other admins are demoted for the duration of this test (sessions untouched) and restored after.
  const hidden = (
    await query<{ email: string }>(
      "update staff set role = 'agent' where role = 'admin' and email <> all($1) returning email",
      [pair],
    )
  ).map((row) => row.email);
  const sessions: (string | undefined)[] = [undefined, undefined];
  const broken: string[] = [];
  let refusedAsLastAdmin = 0;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      // Enable both again; a disabled member's sessions ended, so they sign in afresh.
      await query("update staff set role = 'admin', enabled = true where id = any($1)", [ids]);
      for (const n of [0, 1]) {
        sessions[n] ??= (
          await signInOverHttp(pair[n]!, E2E_PASSWORD, { "x-forwarded-for": `10.30.${n}.${round}` })
        ).cookie;
        if (!sessions[n]) throw new Error(`${pair[n]} could not sign in`);
      }
      const answers = await Promise.all(
        [0, 1].map((n) =>
          callAction(serverAction("setEnabledAction"), [{ staffId: ids[1 - n], enabled: false }], {
            cookie: sessions[n],
          }),
        ),
      );
      const done = answers.filter(
        (answer) => (answer.result?.data as { outcome?: string } | undefined)?.outcome === "succeeded",
      ).length;
      const lastAdmin = answers.filter(
        (answer) => (answer.result?.data as { message?: string } | undefined)?.message === LAST_ADMIN,
      ).length;
      refusedAsLastAdmin += lastAdmin;
      const enabled = await query<{ id: string }>("select id from staff where role = 'admin' and enabled");
      // A refused removal may also be refused because its sender was disabled a moment before.
      if (enabled.length < 1 || done !== 1)
        broken.push(
          `round ${round}: ${enabled.length} enabled admins, ${done} disabled, ${lastAdmin} refused as the last admin`,
        );
      for (const n of [0, 1]) if (!enabled.some((row) => row.id === ids[n])) sessions[n] = undefined;
    }
  } finally {
    await query("update staff set role = 'admin' where email = any($1)", [hidden]);
    await query("update staff set role = 'agent', enabled = false where id = any($1)", [ids]);
  }
  console.log(
    `admin race: ${broken.filter((line) => line.includes(": 0 enabled")).length} of ${ROUNDS} rounds ended with no enabled admin; ${broken.length} broke the rule; ${refusedAsLastAdmin} refused as the last admin (the rest: sender already disabled)${broken.length ? ` (${broken.slice(0, 3).join("; ")}…)` : ""}`,
  );
  expect(broken).toEqual([]);
});

type Level = { expires_at: string | null } | null;
/** A level's expiry as one comparable value: none, lifetime, or the moment in ms. */
const expiry = (level: Level | undefined) =>
  !level
    ? "none"
    : level.expires_at === null
      ? "lifetime"
      : String(Date.parse(level.expires_at.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")));

test("two changes to one customer's access at the same moment: the audit rows form one chain that ends where Adapty is", async ({
  freshProfile,
}) => {
  const { profileId } = await freshProfile();
  const grant = (cookie: string, days: number) =>
    callAction(
      serverAction("grantAccessAction"),
      [
        {
          profileId,
          accessLevelId: "premium",
          startsAt: null,
          expiresAt: new Date(Date.now() + days * 86_400_000).toISOString(),
          reason: "race",
          idempotencyKey: crypto.randomUUID(),
        },
      ],
      { cookie },
    );
  const revoke = (cookie: string) =>
    callAction(
      serverAction("revokeAccessAction"),
      [{ profileId, accessLevelId: "premium", revokeAt: null, reason: "race", idempotencyKey: crypto.randomUUID() }],
      { cookie },
    );

  const answered: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Two grants of different lengths; every other round a grant against a revoke (an odd
    // round always leaves the level active, so the revoke is always allowed).
    const second = round % 2 === 1 ? grant(cookieOf("admin"), 2 * round + 1) : revoke(cookieOf("admin"));
    const answers = await Promise.all([grant(cookieOf("agent"), 2 * round), second]);
    answered.push(
      ...answers.map(
        (answer) =>
          (answer.result?.data as { outcome?: string } | undefined)?.outcome ??
          answer.result?.serverError ??
          `HTTP ${answer.status}`,
      ),
    );
  }

  const rows = await query<{ id: string; outcome: string; access_before: Level; access_after: Level }>(
    "select id::text, outcome::text, access_before, access_after from audit_events where target_profile_id = $1 and action like 'access_level.%' order by id",
    [profileId],
  );
  const succeeded = rows.filter((row) => row.outcome === "succeeded");
  const breaks = succeeded
    .slice(1)
    .filter((row, n) => expiry(row.access_before) !== expiry(succeeded[n]!.access_after));
  const finalAtAdapty = expiry((await storedAccessLevel(profileId, "premium")) ?? null);
  const outcomes = Object.entries(
    answered.reduce<Record<string, number>>(
      (counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }),
      {},
    ),
  );
  console.log(
    `access race: ${rows.length} rows, ${succeeded.length} succeeded, ${breaks.length} broke the chain; answers ${JSON.stringify(outcomes)}; last row ${finalAtAdapty === expiry(succeeded.at(-1)?.access_after) ? "agrees" : "disagrees"} with Adapty`,
  );

  expect(answered.filter((outcome) => outcome !== "succeeded")).toEqual([]);
  expect(succeeded).toHaveLength(2 * ROUNDS);
  expect(breaks.map((row) => row.id)).toEqual([]);
  expect(expiry(succeeded.at(-1)?.access_after)).toBe(finalAtAdapty);
});

test("while another change to the level is under way, a grant is refused in plain words and nothing is sent", async ({
  browser,
  freshProfile,
}) => {
  const { customerUserId, profileId } = await freshProfile();
  const page = await (await browser.newContext({ storageState: sessionOf("agent") })).newPage();
  const dialog = await reviewGrant(page, customerUserId, "while another change runs");
  // Another instance holds the lease on this customer's premium (or crashed holding it).
  await query("insert into change_locks (key, holder, expires_at) values ($1, $2, now() + interval '1 minute')", [
    `access:${profileId}:premium`,
    crypto.randomUUID(),
  ]);
  const watch = await watchForChanges();
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText(
    "Another change to this customer's premium is being made right now, so nothing was sent. Try again in a moment.",
  );
  // The page's own reads may reach Adapty; no change did, and the refusal alone was recorded.
  expect((await watch.requestsAtAdapty()).filter((request) => request.method !== "GET")).toEqual([]);
  const rows = await watch.newAuditRows();
  expect(rows.map((row) => [row.action, row.outcome, row.actor_email])).toEqual([
    ["access_level.granted", "refused", "agent@e2e.test"],
  ]);
  expect(rows[0]?.detail).toContain("is being made right now");

  // Once that change is over, the same dialog goes through.
  await query("delete from change_locks where key = $1", [`access:${profileId}:premium`]);
  await dialog.getByRole("button", { name: "Review" }).click();
  await dialog.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(page.getByText("Granted. The profile below is what Adapty now holds.")).toBeVisible();
  await grantRowAgreesWithAdapty(profileId);
});
