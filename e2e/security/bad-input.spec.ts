import { expect, test } from "@playwright/test";
import { grantArgs, SEED_PROFILE_ID } from "../support/attack-arguments";
import { sessionOf } from "../support/auth";
import { watchForChanges } from "../support/change-watch";
import { query } from "../support/database";
import { cookieOf } from "../support/http-session";
import { callAction, serverAction } from "../support/server-actions";
import { CONSOLE_URL } from "../support/servers";

// Threat: input no form would send — huge bodies, too many attributes, very long values,
// line breaks and NUL bytes in ids (which would become header injection at Adapty) —
// aimed at the server directly. Each gets a clear refusal, never a 500, and reaches no one.

const LONG = "x".repeat(10_000);
const createArgs = (overrides: Record<string, unknown>) => ({
  customer_user_id: "bad-input",
  custom_attributes: [],
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
});
const attributes = (count: number, value = "v") =>
  Array.from({ length: count }, (_, i) => ({ key: `k${i}`, type: "string", value }));

test("a 2 MB body is refused before any action or handler runs", async () => {
  const watch = await watchForChanges();
  const big = JSON.stringify([grantArgs({ reason: "x".repeat(2_000_000) })]);
  const action = await callAction(serverAction("grantAccessAction"), big, { cookie: cookieOf("agent") });
  expect(action.status).toBe(413);
  expect(action.text).toBe("Refused: the request is larger than the console accepts (100 kB). Nothing was changed.");
  const signIn = await fetch(`${CONSOLE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { origin: CONSOLE_URL, "content-type": "application/x-www-form-urlencoded" },
    body: `email=agent%40e2e.test&password=${"p".repeat(2_000_000)}`,
  });
  expect(signIn.status).toBe(413);
  await watch.expectNothingChanged([]);
});

/** The change each action records (a refusal on validation is recorded under it). */
const CHANGE_OF: Record<string, string> = {
  createProfileAction: "profile.created",
  updateProfileAction: "profile.updated",
  deleteProfileAction: "profile.deleted",
  grantAccessAction: "access_level.granted",
  revokeAccessAction: "access_level.revoked",
  addStaffAction: "staff.added",
};

/** Each crafted call, the action it targets, and the field the refusal must name. */
const CRAFTED: { name: string; action: string; args: Record<string, unknown>; field: string; message: string }[] = [
  {
    name: "31 custom attributes",
    action: "createProfileAction",
    args: createArgs({ custom_attributes: attributes(31) }),
    field: "custom_attributes",
    message: "tooManyAttributes",
  },
  {
    name: "a 10,000-character attribute value",
    action: "createProfileAction",
    args: createArgs({ custom_attributes: attributes(1, LONG) }),
    field: "",
    message: "",
  },
  {
    name: "a 10,000-character customer user id",
    action: "createProfileAction",
    args: createArgs({ customer_user_id: LONG }),
    field: "customer_user_id",
    message: "tooLong",
  },
  {
    name: "a 10,000-character first name",
    action: "createProfileAction",
    args: createArgs({ first_name: LONG }),
    field: "first_name",
    message: "tooLong",
  },
  {
    name: "CR/LF in a customer user id",
    action: "createProfileAction",
    args: createArgs({ customer_user_id: "victim\r\nadapty-profile-id: 9c1e5a70-0000-4000-8000-000000000002" }),
    field: "customer_user_id",
    message: "idInvalid",
  },
  {
    name: "NUL in a customer user id",
    action: "createProfileAction",
    args: createArgs({ customer_user_id: "victim\u0000" }),
    field: "customer_user_id",
    message: "idInvalid",
  },
  {
    name: "CR/LF in a profile id",
    action: "grantAccessAction",
    args: grantArgs({ profileId: `${SEED_PROFILE_ID}\r\nX-Injected: 1` }),
    field: "profileId",
    message: "",
  },
  {
    name: "a 10,000-character reason",
    action: "grantAccessAction",
    args: grantArgs({ reason: LONG }),
    field: "reason",
    message: "reasonTooLong",
  },
  {
    name: "CR/LF in a ticket",
    action: "grantAccessAction",
    args: grantArgs({ ticket: "ZD-1\r\nX-Injected: 1" }),
    field: "ticket",
    message: "ticketInvalid",
  },
  {
    name: "a 10,000-character access level",
    action: "revokeAccessAction",
    args: {
      profileId: SEED_PROFILE_ID,
      accessLevelId: LONG,
      revokeAt: null,
      reason: "r",
      idempotencyKey: crypto.randomUUID(),
    },
    field: "accessLevelId",
    message: "levelNotConfigured",
  },
  {
    name: "a 10,000-character last name in an edit",
    action: "updateProfileAction",
    args: {
      profileId: SEED_PROFILE_ID,
      last_name: LONG,
      custom_attributes: [],
      reason: "r",
      idempotencyKey: crypto.randomUUID(),
    },
    field: "last_name",
    message: "tooLong",
  },
  {
    name: "31 attributes removed at once",
    action: "updateProfileAction",
    args: {
      profileId: SEED_PROFILE_ID,
      removed_attributes: Array.from({ length: 31 }, (_, i) => `k${i}`),
      custom_attributes: [],
      reason: "r",
      idempotencyKey: crypto.randomUUID(),
    },
    field: "removed_attributes",
    message: "",
  },
  {
    name: "a 10,000-character delete confirmation",
    action: "deleteProfileAction",
    args: { profileId: SEED_PROFILE_ID, confirmation: LONG, reason: "r", idempotencyKey: crypto.randomUUID() },
    field: "confirmation",
    message: "",
  },
  {
    name: "a 10,000-character staff email",
    action: "addStaffAction",
    args: { email: `${LONG}@e2e.test`, role: "viewer", password: "long-enough" },
    field: "email",
    message: "emailTooLong",
  },
];

for (const crafted of CRAFTED) {
  test(`${crafted.name} is refused on its field and reaches no one`, async () => {
    const watch = await watchForChanges();
    const answer = await callAction(serverAction(crafted.action), [crafted.args], { cookie: cookieOf("admin") });
    expect(answer.status).toBeLessThan(500);
    const validation = answer.result?.validationErrors as { fieldErrors?: Record<string, string[]> } | undefined;
    expect(validation, "a validation refusal").toBeDefined();
    // Errors inside a list (one attribute's value) are not named by field over the wire;
    // the form shows them on the field before anything is sent.
    if (crafted.field) {
      const errors = validation?.fieldErrors?.[crafted.field];
      expect(errors, `refusal on ${crafted.field}`).toBeDefined();
      if (crafted.message) expect(errors).toContain(crafted.message);
    }
    expect(answer.result?.data).toBeUndefined();
    // The refusal itself is on the record — one row, refused, bounded — and nothing else happened.
    const rows = await watch.expectNothingChanged([CHANGE_OF[crafted.action] ?? ""]);
    expect(rows.map((row) => [row.outcome, row.actor_email])).toEqual([["refused", "admin@e2e.test"]]);
    const [stored] = await query<{ size: number }>(
      "select length(params::text) as size from audit_events where id = $1",
      [rows[0]?.id],
    );
    expect(stored?.size ?? 0, "the recorded parameters are bounded").toBeLessThan(8_000);
  });
}

test("ids with CR/LF, NUL or 10,000 characters in page addresses are named plainly and never sent", async ({
  browser,
}) => {
  const page = await (await browser.newContext({ storageState: sessionOf("agent") })).newPage();
  const watch = await watchForChanges();
  for (const address of [
    "/profiles/by-customer/victim%0D%0Aadapty-profile-id:%201",
    "/profiles/by-customer/victim%00",
    `/profiles/find?q=${LONG}`,
    "/profiles/victim%0D%0A",
    `/profiles/by-customer/${LONG}`,
  ]) {
    const response = await page.goto(address);
    expect(response?.status(), address).toBeLessThan(500);
    await expect(page.locator("main"), address).toContainText(
      "cannot be a customer id: ids have 1 to 500 characters and no line breaks.",
    );
  }
  const audit = await page.goto(`/audit?actor=${"x".repeat(2_000)}&user=a%0D%0Ab&before=${"9".repeat(400)}`);
  expect(audit?.status()).toBe(200);
  await expect(page.locator("main")).toContainText("Some filters were not valid and were ignored: actor, before.");
  // An address longer than Node's header limit is refused by the HTTP server itself, plainly.
  const tooLong = await fetch(`${CONSOLE_URL}/profiles/find?q=${"y".repeat(20_000)}`, {
    headers: { cookie: cookieOf("agent") },
  });
  expect(tooLong.status).toBe(431);
  await watch.expectNothingChanged([]);
});

// React's reply decoder reads an action's arguments recursively and follows "$" references
// to other parts of the body: 45,000 nested arrays overflow its stack, and a reference it
// cannot resolve throws; Next.js answered both with a 500 (each case below did before the
// proxy checked action bodies, server/http/action-body-guard.ts). Now: a plain 400, before
// any decoding or work.
