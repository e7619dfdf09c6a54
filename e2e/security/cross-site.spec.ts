import { expect, test } from "@playwright/test";
import { ATTACK_ARGUMENTS } from "../support/attack-arguments";
import { sessionOf } from "../support/auth";
import { watchForChanges } from "../support/change-watch";
import { cookieOf } from "../support/http-session";
import { rawRequest } from "../support/raw-http";
import { callAction, serverAction } from "../support/server-actions";
import { CONSOLE_URL, SANDBOX_MODE_CONSOLE_URL } from "../support/servers";

// Threat: cross-site request forgery — another site makes a signed-in agent's browser
// send a change — and its scripted variants with a null, missing or spoofed origin.

const REFUSED = "Refused: this request did not come from the console's own pages. Nothing was changed.";

const FORGERIES: Record<string, Record<string, string>> = {
  "a foreign Origin": { origin: "https://evil.example" },
  "Origin: null (a sandboxed frame or a data: page)": { origin: "null" },
  "no Origin at all": { origin: "" },
  "a look-alike Origin": { origin: `${CONSOLE_URL}.evil.example` },
  "a foreign Origin with X-Forwarded-Host set to match": {
    origin: "https://evil.example",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
  },
};

for (const [forgery, headers] of Object.entries(FORGERIES)) {
  test(`a grant with ${forgery} is refused before it runs, and nothing changes`, async () => {
    const watch = await watchForChanges();
    const grant = serverAction("grantAccessAction");
    const answer = await callAction(grant, [await ATTACK_ARGUMENTS.grantAccessAction!()], {
      cookie: cookieOf("agent"),
      headers,
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toBe(REFUSED);
    await watch.expectNothingChanged([]);
  });
}

test("a spoofed Host header with a matching Origin is refused: only AUTH_URL's origin may send changes", async () => {
  const watch = await watchForChanges();
  const grant = serverAction("grantAccessAction");
  const answer = await rawRequest(
    "POST",
    grant.path,
    {
      host: "evil.example",
      origin: "http://evil.example",
      "next-action": grant.id,
      "content-type": "text/plain;charset=UTF-8",
      cookie: cookieOf("agent"),
    },
    JSON.stringify([await ATTACK_ARGUMENTS.grantAccessAction!()]),
  );
  expect(answer.status).toBe(403);
  expect(answer.text).toBe(REFUSED);
  await watch.expectNothingChanged([]);
});

test("without AUTH_URL the Host header decides, and X-Forwarded-Host still cannot vouch for a foreign origin", async () => {
  // The console on its embedded defaults runs without AUTH_URL; next-auth's sign-out
  // endpoint stands for any change request.
  const post = (headers: Record<string, string>) =>
    fetch(`${SANDBOX_MODE_CONSOLE_URL}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: "",
    });
  const forgeries: Record<string, string>[] = [
    { origin: "https://evil.example" },
    { origin: "https://evil.example", "x-forwarded-host": "evil.example" },
    {},
  ];
  for (const headers of forgeries) {
    const refused = await post(headers);
    expect(refused.status, JSON.stringify(headers)).toBe(403);
    expect(await refused.text()).toBe(REFUSED);
  }
  // Its own origin passes the check and reaches next-auth (which wants its CSRF token).
  expect((await post({ origin: SANDBOX_MODE_CONSOLE_URL })).status).not.toBe(403);
});

test("next-auth's own endpoints refuse a foreign Origin too (login and logout forgery)", async () => {
  const watch = await watchForChanges();
  for (const path of ["/api/auth/callback/credentials", "/api/auth/signout"]) {
    const response = await fetch(`${CONSOLE_URL}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookieOf("agent"),
      },
      body: "email=agent%40e2e.test&password=e2e-password-1",
    });
    expect(response.status, path).toBe(403);
    expect(response.headers.getSetCookie(), path).toEqual([]);
  }
  await watch.expectNothingChanged([]);
});

test("a foreign page that auto-submits a form to the console, in the agent's own browser, changes nothing", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: sessionOf("agent") });
  const page = await context.newPage();
  // The attacker's site, served by Playwright at an origin of its own.
  await page.route("http://evil.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form id="f" method="POST" action="${CONSOLE_URL}/api/auth/signout" enctype="application/x-www-form-urlencoded">
               <input name="callbackUrl" value="/sign-in"></form>
             <script>document.getElementById("f").submit()</script>`,
    }),
  );
  const watch = await watchForChanges();
  const [response] = await Promise.all([
    page.waitForResponse(`${CONSOLE_URL}/api/auth/signout`),
    page.goto("http://evil.test/"),
  ]);
  expect(response.status()).toBe(403);
  // Still signed in: the forged sign-out did nothing.
  await page.goto(`${CONSOLE_URL}/profiles`);
  await expect(page).toHaveURL(`${CONSOLE_URL}/profiles`);
  await watch.expectNothingChanged(["profile.viewed"]);
  await context.close();
});
