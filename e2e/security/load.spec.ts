import { lastAuditId } from "../support/change-watch";
import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import { cookieOf, signInOverHttp } from "../support/http-session";
import { sandbox } from "../support/sandbox";
import { callAction, serverAction } from "../support/server-actions";
import { CONSOLE_URL, E2E_PASSWORD } from "../support/servers";

// Ten agents working at once for a minute — looking customers up and granting — against
// the sandbox: no server errors, and exactly as many completed grant rows in the audit log
// as grants Adapty received. Figures are printed, never asserted (they depend on the machine).

const AGENTS = 10;
const DURATION_MS = 60_000;
/** The customers looked up and granted to: copies, made for the test, of demo customers in every state. */
const LIKE = [
  "demo-no-access",
  "demo-active-renewing",
  "demo-renewal-cancelled",
  "demo-grace-period",
  "demo-billing-issue",
  "demo-lifetime",
  "demo-multi-level",
  "demo-purchases",
] as const;
const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;

async function agentCookies(): Promise<string[]> {
  const cookies: string[] = [];
  for (let n = 1; n <= AGENTS; n++) {
    const email = `load-${n}@e2e.test`;
    // Added by the admin through the console's own action (a second run finds them there).
    await callAction(serverAction("addStaffAction"), [{ email, role: "agent", password: E2E_PASSWORD }], {
      cookie: cookieOf("admin"),
    });
    const { cookie } = await signInOverHttp(email, E2E_PASSWORD, { "x-forwarded-for": `10.20.0.${n}` });
    if (!cookie) throw new Error(`${email} could not sign in`);
    cookies.push(cookie);
  }
  return cookies;
}

test("ten agents looking up and granting for a minute: no server error, and the audit log matches Adapty", async ({
  freshProfile,
}) => {
  test.setTimeout(180_000);
  const profiles: string[] = [];
  for (const like of LIKE) profiles.push((await freshProfile({ like })).profileId);
  const cookies = await agentCookies();
  const firstRow = await lastAuditId();
  await sandbox.clearRequests();

  const serverErrors: string[] = [];
  const latencies: number[] = [];
  let lookups = 0;
  let granted = 0;
  const until = Date.now() + DURATION_MS;
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const result = await work();
    latencies.push(performance.now() - started);
    return result;
  };

  await Promise.all(
    cookies.map(async (cookie) => {
      while (Date.now() < until) {
        const lookup = await timed(() =>
          fetch(`${CONSOLE_URL}/profiles/find?q=${pick(profiles)}`, { headers: { cookie } }),
        );
        const page = await lookup.text();
        if (lookup.status >= 500) serverErrors.push(`lookup ${lookup.status}`);
        else if (!page.includes('data-testid="customer-user-id"'))
          serverErrors.push(`lookup showed no profile (${lookup.status})`);
        lookups++;

        const grant = await timed(() =>
          callAction(
            serverAction("grantAccessAction"),
            [
              {
                profileId: pick(profiles),
                accessLevelId: pick(["premium", "pro"]),
                startsAt: null,
                expiresAt: new Date(Date.now() + 86_400_000 * (1 + Math.floor(Math.random() * 60))).toISOString(),
                reason: "load test",
                idempotencyKey: crypto.randomUUID(),
              },
            ],
            { cookie },
          ),
        );
        const outcome = (grant.result?.data as { outcome?: string } | undefined)?.outcome;
        if (grant.status >= 500 || grant.result?.serverError)
          serverErrors.push(`grant ${grant.status} ${grant.result?.serverError ?? ""}`);
        else if (outcome === "succeeded") granted++;
        else serverErrors.push(`grant answered ${outcome}`);
      }
    }),
  );

  const grantsAtAdapty = (await sandbox.requests()).filter(
    (request) => request.method === "POST" && request.path.includes("/grant/"),
  ).length;
  const rows = await query<{ outcome: string; n: number }>(
    "select outcome::text, count(*)::int as n from audit_events where id > $1 and action = 'access_level.granted' group by outcome",
    [firstRow],
  );
  const sorted = latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]?.toFixed(0);
  console.log(
    `load: ${AGENTS} agents, ${DURATION_MS / 1000} s: ${lookups} lookups and ${granted} grants (${((lookups + granted) / (DURATION_MS / 1000)).toFixed(1)} requests/s), ` +
      `latency p50 ${percentile(50)} ms, p95 ${percentile(95)} ms, p99 ${percentile(99)} ms; grants at Adapty ${grantsAtAdapty}; audit rows ${JSON.stringify(rows)}`,
  );

  expect(serverErrors.slice(0, 10)).toEqual([]);
  expect(granted).toBeGreaterThan(0);
  expect(rows).toEqual([{ outcome: "succeeded", n: grantsAtAdapty }]);
  expect(granted).toBe(grantsAtAdapty);
});
