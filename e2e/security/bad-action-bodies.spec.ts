import { expect, test } from "@playwright/test";
import { grantArgs } from "../support/attack-arguments";
import { watchForChanges } from "../support/change-watch";
import { cookieOf } from "../support/http-session";
import { callAction, postActionForm, serverAction } from "../support/server-actions";
import { E2E_PASSWORD } from "../support/servers";

// Action bodies crafted against React's decoder, and the sign-in action called with other
// things than its form: refused plainly (a 400 or a wrong password), never a 500.

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
  await page.getByLabel("Email", { exact: true }).fill("agent@e2e.test");
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/profiles$/);
  await context.close();
});
