import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Page, Response } from "@playwright/test";
import { sessionOf, type E2ERole } from "../support/auth";
import { expect, test } from "../support/fixtures";
import { sandbox } from "../support/sandbox";
import { AUTH_SECRET, CONSOLE_URL, SANDBOX_KEY } from "../support/servers";

// Threat: the Adapty secret key (full control of the app's customers) or the session
// signing secret reaching a browser — bundled into client code, rendered into a page or
// an RSC payload, echoed in an action's answer, an error page or the health endpoint.

const SECRETS = [SANDBOX_KEY, AUTH_SECRET];

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

function expectNoSecret(text: string, where: string) {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
}

test("no file the console serves as static (.next/static, public) holds a secret", () => {
  const served = [".next/static", "public"]
    .map((directory) => path.join(process.cwd(), directory))
    .filter((directory) => existsSync(directory));
  const files = served.flatMap(filesUnder);
  expect(files.length).toBeGreaterThan(10);
  for (const file of files) expectNoSecret(readFileSync(file, "latin1"), file);
});

/** Records every answer the browser receives — HTML, RSC payloads, action answers — with its headers. */
function recordAnswers(page: Page) {
  const seen: Promise<string>[] = [];
  page.on("response", (response: Response) => {
    seen.push(
      response
        .text()
        .catch(() => "")
        .then((body) => `${response.url()}\n${JSON.stringify(response.headers())}\n${body}`),
    );
  });
  return async () => Promise.all(seen);
}

const PAGES_BY_ROLE: Record<E2ERole, string[]> = {
  admin: [
    "/profiles",
    "/profiles/9c1e5a70-0000-4000-8000-000000000002",
    "/profiles/9c1e5a70-0000-4000-8000-000000000002/edit",
    "/profiles/new",
    "/audit",
    "/staff",
    "/no-such-page",
  ],
  agent: ["/profiles/by-customer/demo-multi-level", "/profiles/find?q=demo-lifetime"],
  viewer: ["/staff", "/profiles/new"], // 403 pages
};

test("no page, RSC payload, action answer or error page a browser receives holds a secret", async ({
  browser,
  freshProfile,
}) => {
  test.setTimeout(90_000);
  const answers: string[] = [];
  for (const [role, pages] of Object.entries(PAGES_BY_ROLE) as [E2ERole, string[]][]) {
    const page = await (await browser.newContext({ storageState: sessionOf(role) })).newPage();
    const collected = recordAnswers(page);
    for (const address of pages) {
      await page.goto(address);
      // The same page as an RSC payload, as client-side navigation fetches it.
      const rsc = await page.request.get(address, { headers: { rsc: "1" } });
      answers.push(`${address} (RSC)\n${await rsc.text()}`);
    }
    if (role === "agent") {
      // An action's answer, a failed change, and Adapty rejecting the key: the error shown must not echo it.
      // The faults are those of two customers made for the test (cleared by the fixture afterwards).
      const refusing = await freshProfile();
      const rejected = await freshProfile({ like: "demo-lifetime" });
      await page.goto(`/profiles/by-customer/${refusing.customerUserId}`);
      await page.getByRole("button", { name: "Grant access" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Reason").fill("secret-key test");
      await dialog.getByRole("button", { name: "Review" }).click();
      await sandbox.faults({ failNext: { count: 1, status: 500, methods: ["POST"] } }, refusing.customerUserId);
      await dialog.getByRole("button", { name: "Grant", exact: true }).click();
      await expect(dialog.getByText("Adapty is not answering properly right now.")).toBeVisible();
      await sandbox.faults({ failNext: { count: 20, status: 401 } }, rejected.customerUserId);
      await page.goto(`/profiles/by-customer/${rejected.customerUserId}`);
      await expect(page.locator("main")).toContainText(/key/i);
    }
    answers.push(...(await collected()));
    await page.context().close();
  }
  // Signed out: the sign-in page and its RSC payload.
  for (const address of ["/sign-in", "/sign-in?callbackUrl=%2Faudit"]) {
    const signedOut = await fetch(`${CONSOLE_URL}${address}`);
    answers.push(`${address} (signed out)\n${JSON.stringify([...signedOut.headers])}\n${await signedOut.text()}`);
    answers.push(
      `${address} (signed out, RSC)\n${await (await fetch(`${CONSOLE_URL}${address}`, { headers: { rsc: "1" } })).text()}`,
    );
  }
  const health = await fetch(`${CONSOLE_URL}/api/health`);
  answers.push(`/api/health\n${JSON.stringify([...health.headers])}\n${await health.text()}`);
  expect(answers.length).toBeGreaterThan(20);
  for (const answer of answers) expectNoSecret(answer, answer.split("\n")[0] ?? "");
});
