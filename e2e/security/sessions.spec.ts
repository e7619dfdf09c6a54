import { expect, test } from "@playwright/test";
import { query } from "../support/database";
import { forgedSessionCookie, signInOverHttp } from "../support/http-session";
import { callAction, serverAction } from "../support/server-actions";
import { CONSOLE_URL } from "../support/servers";

// Threat: a session that outlives its limits. next-auth re-issues the cookie on every
// session read, so only the session's own row can end it: 8 hours after sign-in (absolute),
// 2 hours after its last request (idle), or at sign-out — next-auth's own endpoint included.

const PROFILE = "9c1e5a70-0000-4000-8000-000000000001";
const SIGNED_OUT = "You are signed out. Sign in again, then retry. Nothing was changed.";
const readAs = async (cookie: string) =>
  callAction(serverAction("loadProfileAction"), [{ profileId: PROFILE }], { cookie });
const sessionOf = async (cookie: string) =>
  (await fetch(`${CONSOLE_URL}/api/auth/session`, { headers: { cookie } })).json() as Promise<unknown>;

test("a session begun 30 hours ago is refused, though its cookie is fresh; one begun 2 hours ago is accepted", async () => {
  const old = await forgedSessionCookie("admin@e2e.test", 3_600, { startedSecondsAgo: 30 * 3_600 });
  expect((await readAs(old)).result?.serverError).toBe(SIGNED_OUT);
  expect(await sessionOf(old)).toBeNull();
  const page = await fetch(`${CONSOLE_URL}/profiles`, { headers: { cookie: old }, redirect: "manual" });
  expect(page.status).toBe(307);

  const recent = await forgedSessionCookie("admin@e2e.test", 3_600, { startedSecondsAgo: 2 * 3_600 });
  expect((await readAs(recent)).text).toContain("demo-no-access");
});

test("a session idle for 3 hours is refused; one used a minute ago is accepted and its last use is recorded", async () => {
  const idle = await forgedSessionCookie("admin@e2e.test", 3_600, { idleSeconds: 3 * 3_600 });
  expect((await readAs(idle)).result?.serverError).toBe(SIGNED_OUT);

  const active = await forgedSessionCookie("admin@e2e.test", 3_600, { idleSeconds: 90 });
  expect((await readAs(active)).text).toContain("demo-no-access");
  const [seen] = await query<{ idle: number }>(
    "select extract(epoch from now() - last_seen_at)::int as idle from staff_sessions order by started_at desc, last_seen_at desc limit 1",
  );
  expect(seen?.idle).toBeLessThan(30);
});

test("next-auth's own sign-out endpoint ends the session, so a copy of the cookie stops working", async () => {
  const signedIn = await signInOverHttp("session-me@e2e.test");
  const cookie = signedIn.cookie!;
  expect(await sessionOf(cookie)).not.toBeNull();
  const copy = cookie;

  const csrf = await fetch(`${CONSOLE_URL}/api/auth/csrf`, { headers: { cookie } });
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const out = await fetch(`${CONSOLE_URL}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: CONSOLE_URL,
      cookie: [cookie, ...jar].join("; "),
    },
    body: new URLSearchParams({ csrfToken }),
  });
  expect(out.status).toBeLessThan(400);

  expect(await sessionOf(copy)).toBeNull();
  expect((await readAs(copy)).result?.serverError).toBe(SIGNED_OUT);
  const [row] = await query<{ ended: boolean }>(
    "select ended_at is not null as ended from staff_sessions where staff_id = (select id from staff where email = 'session-me@e2e.test') order by started_at desc limit 1",
  );
  expect(row?.ended).toBe(true);
});
