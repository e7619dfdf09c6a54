import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { sessionOf } from "../support/auth";
import { watchForChanges } from "../support/change-watch";
import { CONSOLE_URL } from "../support/servers";

// Threat: clickjacking — another site frames a console page, invisibly, over its own
// buttons, so the agent's click grants or deletes. Every page must refuse to be framed.

const PAGES = [
  "/sign-in",
  "/profiles",
  "/profiles/9c1e5a70-0000-4000-8000-000000000002",
  "/profiles/by-customer/demo-no-access",
  "/profiles/9c1e5a70-0000-4000-8000-000000000002/edit",
  "/profiles/new",
  "/audit",
  "/staff",
  "/no-such-page",
  "/api/health",
];

/** The attacker's page, from a server of its own on another port: another origin, and the same site, so the agent's cookies go along. */
async function attackerSite(): Promise<{ url: string; close: () => void }> {
  const html = `<h1>Win a prize</h1>${PAGES.map((address) => `<iframe src="${CONSOLE_URL}${address}" width="600" height="400"></iframe>`).join("")}`;
  const server = http.createServer((_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/prize`, close: () => server.close() };
}

test("no console page loads inside a frame on another site", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: sessionOf("admin") })).newPage();
  const evil = await attackerSite();
  const watch = await watchForChanges();
  const answers = new Map<string, { xfo: string | undefined; csp: string | undefined }>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.origin === CONSOLE_URL)
      answers.set(`${url.pathname}${url.search}`, {
        xfo: response.headers()["x-frame-options"],
        csp: response.headers()["content-security-policy"],
      });
  });
  await page.goto(evil.url);
  await page.waitForLoadState("load");
  const frames = page.frames().filter((frame) => frame !== page.mainFrame());
  expect(frames).toHaveLength(PAGES.length);
  for (const frame of frames) {
    // Chromium replaces a refused frame with its own error page: no console content, no console origin.
    expect(frame.url(), frame.name()).not.toContain(CONSOLE_URL);
    expect(
      await frame
        .locator("body")
        .innerText()
        .catch(() => ""),
      frame.url(),
    ).not.toMatch(/Adapty Support Console|Sign in|status/);
  }
  // Every answer the frames got (redirects to sign-in included) says so in both headers.
  expect(answers.size).toBeGreaterThanOrEqual(PAGES.length);
  for (const [address, headers] of answers) {
    expect(headers.xfo, address).toBe("DENY");
    expect(headers.csp, address).toContain("frame-ancestors 'none'");
  }
  // The server still rendered what was asked (reads only); the browser refused to show it.
  expect((await watch.requestsAtAdapty()).filter((request) => request.method !== "GET")).toEqual([]);
  expect((await watch.newAuditRows()).filter((row) => row.action !== "profile.viewed")).toEqual([]);
  evil.close();
  await page.context().close();
});
