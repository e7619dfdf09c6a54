import { expect, test } from "@playwright/test";
import { ATTACK_ARGUMENTS, notesSnapshot, OPEN_ACTIONS, staffSnapshot } from "../support/attack-arguments";
import { touchedAttackBatches } from "../support/attack-batches";
import { watchForChanges } from "../support/change-watch";
import { forgedSessionCookie, signInOverHttp } from "../support/http-session";
import { callAction, serverAction, serverActions } from "../support/server-actions";
import { CONSOLE_URL } from "../support/servers";

// Threat: someone without a live session — never signed in, signed out, holding an
// expired or forged cookie — calls the console's endpoints directly.

const PAGES = [
  "/profiles",
  "/profiles/find?q=9c1e5a70-0000-4000-8000-000000000002",
  "/profiles/9c1e5a70-0000-4000-8000-000000000002",
  "/profiles/by-customer/demo-no-access",
  "/profiles/9c1e5a70-0000-4000-8000-000000000002/edit",
  "/profiles/new",
  "/audit",
  "/staff",
];
/** What only a signed-in page shows: profile 02's customer user id, a seeded plan interest, staff emails. */
const DATA = /demo-active-renewing|plan_interest|@e2e\.test|time_utc/;

/** Each way of holding no live session, as the Cookie header an attacker would send. */
const NO_SESSION: Record<string, () => Promise<string | undefined>> = {
  "no cookie": () => Promise.resolve(undefined),
  "a signed-out cookie": async () => {
    // signed-out@e2e.test is an admin: the refusal cannot be the role's doing.
    const { cookie } = await signInOverHttp("signed-out@e2e.test");
    if (!cookie) throw new Error("could not sign in signed-out@e2e.test");
    const signOut = await callAction(serverAction("signOutEverywhere"), [], { cookie });
    expect(signOut.status).toBeLessThan(400);
    return cookie;
  },
  "an expired cookie": () => forgedSessionCookie("admin@e2e.test", -60),
  "a forged cookie": () =>
    Promise.resolve("authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..forged.forged.forged"),
};

const guarded = () => serverActions().filter((action) => !OPEN_ACTIONS.includes(action.name));

test("every server action in the build is either open by design or attacked by this suite", () => {
  const unknown = guarded().filter((action) => !(action.name in ATTACK_ARGUMENTS));
  expect(unknown.map((action) => `${action.name} (${action.filename})`)).toEqual([]);
  expect(guarded().length).toBeGreaterThanOrEqual(10);
});

for (const [kind, cookieFor] of Object.entries(NO_SESSION)) {
  test(`with ${kind}, every guarded server action is refused and nothing changes`, async () => {
    const cookie = await cookieFor();
    const staffBefore = await staffSnapshot();
    const notesBefore = await notesSnapshot();
    const watch = await watchForChanges();
    for (const action of guarded()) {
      const args = await ATTACK_ARGUMENTS[action.name]!();
      const answer = await callAction(action, [args], { cookie });
      expect(answer.status, action.name).toBeLessThan(500);
      expect(answer.result?.serverError, action.name).toBe(
        "You are signed out. Sign in again, then retry. Nothing was changed.",
      );
    }
    const rows = await watch.expectNothingChanged(["auth.denied"]);
    // Each refusal is on record: counted per address and window, the first of a window also as a row.
    expect(await watch.refusalsCounted()).toBe(guarded().length);
    expect(rows.every((row) => row.detail === "signed_out")).toBe(true);
    expect(await staffSnapshot()).toEqual(staffBefore);
    expect(await notesSnapshot()).toEqual(notesBefore);
    expect(await touchedAttackBatches()).toEqual([]);
  });

  test(`with ${kind}, pages and the audit export reveal nothing`, async () => {
    const cookie = await cookieFor();
    const watch = await watchForChanges();
    for (const page of PAGES) {
      const response = await fetch(`${CONSOLE_URL}${page}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
      const body = await response.text();
      expect(response.status, page).toBe(307);
      expect(response.headers.get("location"), page).toMatch(/\/sign-in\?callbackUrl=/);
      expect(body, page).not.toMatch(DATA);
    }
    const exported = await fetch(`${CONSOLE_URL}/audit/export`, {
      redirect: "manual",
      headers: cookie ? { cookie } : {},
    });
    expect([307, 401]).toContain(exported.status);
    expect(await exported.text()).not.toMatch(DATA);
    // next-auth's own handlers: no session is recognised.
    for (const endpoint of ["/api/auth/session", "/api/auth/session/", "/api/auth/session?x=1"]) {
      const session = await fetch(`${CONSOLE_URL}${endpoint}`, { headers: cookie ? { cookie } : {} });
      expect(await session.json(), endpoint).toBeNull();
    }
    // The built-in sandbox's API does not exist in live mode, with or without its key.
    const sandboxApi = await fetch(`${CONSOLE_URL}/sandbox/adapty/api/v2/server-side-api/profile/`, {
      headers: {
        ...(cookie ? { cookie } : {}),
        authorization: "Api-Key sandbox",
        "adapty-customer-user-id": "demo-no-access",
      },
    });
    expect(sandboxApi.status).toBe(404);
    await watch.expectNothingChanged(["auth.denied"]);
  });
}

test("control: the same forged cookie, not expired, is accepted — so the expired one was refused for its age", async () => {
  const answer = await callAction(
    serverAction("loadProfileAction"),
    [{ profileId: "9c1e5a70-0000-4000-8000-000000000001" }],
    {
      cookie: await forgedSessionCookie("admin@e2e.test", 60),
    },
  );
  expect(answer.result?.serverError).toBeUndefined();
  expect(answer.text).toContain("demo-no-access");
});

test("signing out without a session changes nothing", async () => {
  const staffBefore = await staffSnapshot();
  const watch = await watchForChanges();
  const answer = await callAction(serverAction("signOutEverywhere"), []);
  expect(answer.status).toBeLessThan(500);
  await watch.expectNothingChanged([]);
  expect(await staffSnapshot()).toEqual(staffBefore);
});
