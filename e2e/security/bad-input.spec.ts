import { expect, test } from "@playwright/test";
import { SEED_PROFILE_ID } from "../support/attack-arguments";
import { sessionOf } from "../support/auth";
import { watchForChanges } from "../support/change-watch";
import { cookieOf } from "../support/http-session";
import { callAction, postActionForm, serverAction } from "../support/server-actions";
import { CONSOLE_URL, E2E_PASSWORD } from "../support/servers";

// Threat: input no form would send — huge bodies, too many attributes, very long values,
// line breaks and NUL bytes in ids (which would become header injection at Adapty) —
// aimed at the server directly. Each gets a clear refusal, never a 500, and reaches no one.

const LONG = "x".repeat(10_000);
const grantArgs = (overrides: Record<string, unknown>) => ({
  profileId: SEED_PROFILE_ID,
  accessLevelId: "premium",
  startsAt: null,
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  reason: "bad input test",
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
});
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
    args: { profileId: SEED_PROFILE_ID, last_name: LONG, custom_attributes: [], idempotencyKey: crypto.randomUUID() },
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
      idempotencyKey: crypto.randomUUID(),
    },
    field: "removed_attributes",
    message: "",
  },
  {
    name: "a 10,000-character delete confirmation",
    action: "deleteProfileAction",
    args: { profileId: SEED_PROFILE_ID, confirmation: LONG, idempotencyKey: crypto.randomUUID() },
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
    await watch.expectNothingChanged([]);
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
const NESTED = `${"[".repeat(45_000)}${"]".repeat(45_000)}`;
const REFUSED_BODY =
  /^Refused: the request's body is not one the console's own pages send \(.+\)\. Nothing was changed\.$/;

test("action bodies React's decoder would choke on are refused plainly, never a 500, and reach no one", async () => {
  const watch = await watchForChanges();
  const grant = serverAction("grantAccessAction");
  const signIn = serverAction("signInWithPassword");
  const cookie = cookieOf("agent");
  const textBodies: [string, string][] = [
    ["45,000 nested arrays", NESTED],
    ...[
      "$Q1",
      "$K9",
      "$K1",
      "$@1",
      "$F1",
      "$W1",
      "$h1",
      "$i1",
      "$B1",
      "$R1",
      "$X1",
      "$T",
      "$1",
      "$0:0",
      "$nxyz",
      "$Z",
      "$",
    ].map((ref): [string, string] => [`[${JSON.stringify(ref)}]`, JSON.stringify([ref])]),
    ["a Map reference deep inside valid arguments", JSON.stringify([grantArgs({ reason: "$Q1" })])],
    ["not JSON", "[{"],
    ["JSON after a byte-order mark", `\uFEFF${JSON.stringify([grantArgs({})])}`],
  ];
  const answers: [string, number, string][] = [];
  for (const [name, body] of textBodies) {
    const answer = await callAction(grant, body, { cookie });
    answers.push([`text ${name}`, answer.status, answer.text]);
  }
  // FormData arguments, as the sign-in form sends them with JavaScript: parts "_1_<field>" and "0".
  const email: [string, string] = ["_1_email", "agent@e2e.test"];
  const multipart: [string, [string, string][]][] = [
    ["FormData 9 that does not exist", [email, ["0", '[{},"$K9"]']]],
    ["a Map part that does not exist", [email, ["0", '[{},"$Q1"]']]],
    ["45,000 nested arrays in part 0", [["0", NESTED]]],
    ["no part 0", [email]],
    ['a part "00", which React also reads as part 0', [email, ["00", '[{},"$Q1"]'], ["0", '[{},"$K1"]']]],
  ];
  for (const [name, parts] of multipart) {
    const answer = await postActionForm(signIn, parts);
    answers.push([`multipart ${name}`, answer.status, answer.text]);
  }
  // Without JavaScript the form sends its action as fields; bound arguments are decoded the same way.
  const descriptor = (bound: string) => JSON.stringify({ id: signIn.id, bound });
  const withoutJs: [string, [string, string][]][] = [
    [
      "bound arguments in a part that does not exist",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", descriptor("$@5")],
        ["$ACTION_KEY", "k1"],
      ],
    ],
    [
      "45,000 nested arrays as bound arguments",
      [
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", descriptor("$@1")],
        ["$ACTION_1:1", NESTED],
        ["$ACTION_KEY", "k1"],
      ],
    ],
  ];
  for (const [name, parts] of withoutJs) {
    const answer = await postActionForm(signIn, parts, { fetchAction: false });
    answers.push([`form without JavaScript: ${name}`, answer.status, answer.text]);
  }
  // One diff that lists every status: all 400, none 500.
  expect(answers.map(([name, status]) => [name, status])).toEqual(answers.map(([name]) => [name, 400]));
  for (const [name, , text] of answers) expect(text, name).toMatch(REFUSED_BODY);
  await watch.expectNothingChanged([]);
});

test("the sign-in action called with something else than a form is refused as a wrong password, not a 500", async () => {
  const watch = await watchForChanges();
  for (const args of ['[{},"$undefined"]', "[{},5]", "[]"]) {
    const answer = await callAction(serverAction("signInWithPassword"), args);
    expect(answer.status, args).toBe(200);
    expect(answer.result, args).toEqual({ refusal: "invalid" });
  }
  await watch.expectNothingChanged([]);
});

test("the sign-in form still works without JavaScript: its own body passes the check", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("agent@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  await context.close();
});
