import { expect, test } from "@playwright/test";
import { signInThroughPage } from "../support/auth";
import { watchForChanges } from "../support/change-watch";
import { signInOverHttp } from "../support/http-session";
import { CONSOLE_URL, E2E_PASSWORD } from "../support/servers";

// Threat: a phishing link to the real sign-in page whose callbackUrl sends the agent,
// once signed in, to a look-alike site. Every target must end on the console.

const TARGETS = [
  "https://evil.example/profiles",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/..//evil.example",
  "/\t/evil.example",
  " //evil.example",
  `${CONSOLE_URL}.evil.example/profiles`,
  `${CONSOLE_URL}@evil.example/profiles`,
  `https://evil.example%2F@${new URL(CONSOLE_URL).host}/profiles`,
  `${CONSOLE_URL}\\@evil.example`,
  "javascript:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "https:evil.example",
];

/** On this console: next start may name itself "localhost" in absolute redirects for 127.0.0.1. */
const onConsole = (location: string) => {
  const url = new URL(location, CONSOLE_URL);
  return (
    url.protocol === "http:" &&
    url.port === new URL(CONSOLE_URL).port &&
    ["127.0.0.1", "localhost"].includes(url.hostname) &&
    !url.username
  );
};

let watch: Awaited<ReturnType<typeof watchForChanges>>;
test.beforeEach(async () => {
  watch = await watchForChanges();
});
test.afterEach(async () => {
  // Signing in is all that happened: nothing reached Adapty.
  await watch.expectNothingChanged(["auth.signed_in"]);
});

test("next-auth's credentials endpoint sends every hostile callbackUrl back to the console", async () => {
  for (const target of TARGETS) {
    const signedIn = await signInOverHttp("viewer@e2e.test", E2E_PASSWORD, {}, target);
    expect(signedIn.cookie, target).toBeDefined();
    expect(onConsole(signedIn.location), `${target} → ${signedIn.location}`).toBe(true);
  }
});

for (const target of TARGETS) {
  test(`signing in through the page with callbackUrl=${JSON.stringify(target)} ends on the console`, async ({
    browser,
  }) => {
    const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
    await signInThroughPage(page, "viewer@e2e.test");
    await expect(page).not.toHaveURL(/\/sign-in/);
    expect(onConsole(page.url()), page.url()).toBe(true);
    await page.context().close();
  });
}
