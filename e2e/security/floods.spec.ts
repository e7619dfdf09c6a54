import { expect, test } from "@playwright/test";
import { query } from "../support/database";
import { signInOverHttp } from "../support/http-session";
import { callAction, serverAction } from "../support/server-actions";
import { CONSOLE_URL, SANDBOX_MODE_CONSOLE_URL } from "../support/servers";

// Sustained floods, not bursts, against the console on PostgreSQL (where the races live):
// 32 clients for 30 seconds each. Figures are printed; only behaviour is asserted.

test.setTimeout(120_000);
const CLIENTS = 32;
const FLOOD_MS = 30_000;

/** `work` from CLIENTS parallel loops until `ms` have passed. */
async function flood<T>(work: (client: number, round: number) => Promise<T>, ms = FLOOD_MS): Promise<T[]> {
  const until = Date.now() + ms;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let round = 0; Date.now() < until; round++) results.push(await work(client, round));
    }),
  );
  return results;
}

const refusalCode = (location: string) => new URL(location, "http://x").searchParams.get("code");
const failedAttempts = async (email: string) =>
  Number(
    (
      await query<{ n: number }>("select count(*)::int as n from sign_in_attempts where email = $1 and not succeeded", [
        email,
      ])
    )[0]?.n,
  );

for (const [name, email, addressOf] of [
  [
    "rotating addresses",
    "flood-me@e2e.test",
    (client: number, round: number) => `10.${client}.${Math.floor(round / 250)}.${round % 250}`,
  ],
  ["one fixed address", "flood-fixed@e2e.test", () => "198.51.100.77"],
] as const) {
  test(`a 30-second guessing flood from ${CLIENTS} clients (${name}) checks at most five passwords, and the right one sent mid-flood is refused`, async () => {
    let rightAnswer: Awaited<ReturnType<typeof signInOverHttp>> | undefined;
    const answers = await flood(async (client, round) => {
      // Guess 97 of client 0 is the right password.
      const right = client === 0 && round === 97;
      const answer = await signInOverHttp(email, right ? undefined : `guess-${client}-${round}`, {
        "x-forwarded-for": addressOf(client, round),
      });
      if (right) rightAnswer = answer;
      return answer;
    });
    const checked = answers.filter((answer) => refusalCode(answer.location) === "invalid").length;
    const locked = answers.filter((answer) => refusalCode(answer.location) === "locked").length;
    console.info(
      `Guessing flood (${name}): ${answers.length} guesses in ${FLOOD_MS / 1000} s, ${checked} passwords checked, ${locked} refused as locked.`,
    );
    expect(answers.length).toBeGreaterThan(200);
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.every((answer) => answer.cookie === undefined)).toBe(true);
    if (rightAnswer) expect(refusalCode(rightAnswer.location)).toBe("locked");
    expect(await failedAttempts(email)).toBeLessThanOrEqual(5);
    const [signedIn] = await query<{ n: number }>(
      "select count(*)::int as n from audit_events where action = 'auth.signed_in' and actor_email = $1",
      [email],
    );
    expect(signedIn?.n).toBe(0);
  });
}

test("the same guessing flood against the console on its embedded database (PGlite) checks at most five passwords", async () => {
  // An email nobody has: its guesses cost the decoy hash and count like any other.
  const email = `nobody-${crypto.randomUUID().slice(0, 8)}@sandbox.local`;
  const answers = await flood(
    (client, round) =>
      signInOverHttp(
        email,
        `guess-${client}-${round}`,
        { "x-forwarded-for": `10.${client}.${Math.floor(round / 250)}.${round % 250}` },
        "/profiles",
        SANDBOX_MODE_CONSOLE_URL,
      ),
    FLOOD_MS / 2,
  );
  const checked = answers.filter((answer) => refusalCode(answer.location) === "invalid").length;
  console.info(
    `Guessing flood on PGlite: ${answers.length} guesses in ${FLOOD_MS / 2000} s, ${checked} passwords checked.`,
  );
  expect(answers.length).toBeGreaterThan(100);
  expect(checked).toBeLessThanOrEqual(5);
});

test(`a 30-second anonymous flood from ${CLIENTS} connections leaves a bounded number of audit rows`, async () => {
  const [before] = await query<{ id: string }>("select coalesce(max(id), 0)::text as id from audit_events");
  const action = serverAction("loadProfileAction");
  const requests = await flood(async (client, round) => {
    const junk = { cookie: `authjs.session-token=junk-${client}-${round}`, "user-agent": `flood/${"x".repeat(2_000)}` };
    // A page with a junk cookie (it gets past the proxy's cookie check) and an action without a session.
    if (round % 2 === 0)
      return (
        await fetch(`${CONSOLE_URL}/profiles/${"p".repeat(1_500)}?${client}`, { headers: junk, redirect: "manual" })
      ).status;
    return (await callAction(action, [{ profileId: "9c1e5a70-0000-4000-8000-000000000001" }], { headers: junk }))
      .status;
  });
  const rows = await query<{ action: string; user_agent: string | null; path: string | null }>(
    "select action, user_agent, params->>'path' as path from audit_events where id > $1",
    [before!.id],
  );
  console.info(
    `Anonymous flood: ${requests.length} requests in ${FLOOD_MS / 1000} s (${Math.round(requests.length / (FLOOD_MS / 1000))}/s) wrote ${rows.length} audit rows.`,
  );
  expect(requests.every((status) => status < 500)).toBe(true);
  expect(requests.length).toBeGreaterThan(500);
  // One row for the first refusal of the window; the rest are counted until the window closes.
  expect(rows.length).toBeLessThanOrEqual(4);
  expect(rows.every((row) => (row.user_agent?.length ?? 0) <= 256 && (row.path?.length ?? 0) <= 256)).toBe(true);
  const [counted] = await query<{ n: number }>(
    "select coalesce(sum(count), 0)::int as n from anonymous_refusals where last_at > now() - interval '2 minutes'",
  );
  expect(counted?.n).toBeGreaterThanOrEqual(requests.length);
});
