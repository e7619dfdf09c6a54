import "server-only";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { BENCH_EMAIL, BENCH_PASSWORD, SANDBOX_KEY, type Running } from "./processes";
import { profilePath } from "./session";
import { median } from "./stats";

// What the agent's browser sees: the JavaScript each page makes it download, and a grant
// from the confirming click to the new access level on screen. Debian's Chromium, as the
// end-to-end tests use it.

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

export async function signedInContext(browser: Browser, base: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(BENCH_EMAIL);
  await page.getByLabel("Password").fill(BENCH_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await page.close();
  return context;
}

/** The pages an agent opens, by name, and where they are. */
export const PAGES = (customer: string) => ({
  "sign-in": "/sign-in",
  lookup: "/profiles",
  profile: profilePath(customer),
  audit: "/audit",
  staff: "/staff",
  approvals: "/approvals",
  settings: "/settings",
  "create profile": "/profiles/new",
});

/** Compressed bytes of JavaScript Chromium downloads to show a page, from an empty cache. */
export async function javascriptBytes(browser: Browser, base: string, route: string, signedIn: boolean) {
  const context = signedIn ? await signedInContext(browser, base) : await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  await session.send("Network.enable");
  await session.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Set<string>();
  let bytes = 0;
  session.on("Network.responseReceived", (event) => {
    if (event.type === "Script") scripts.add(event.requestId);
  });
  session.on("Network.loadingFinished", (event) => {
    if (scripts.has(event.requestId)) bytes += event.encodedDataLength;
  });
  await page.goto(route, { waitUntil: "networkidle" });
  await context.close();
  return bytes;
}

export interface GrantRoundTrip {
  totalMs: number;
  adaptyMs: number;
  consoleMs: number;
}

async function copyOfDemo(sandbox: Running, customerUserId: string): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/profiles`, {
    method: "POST",
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "Content-Type": "application/json" },
    body: JSON.stringify({ customer_user_id: customerUserId, like: "demo-no-access" }),
  });
  if (response.status !== 201) throw new Error(`copying a demo customer answered ${response.status}`);
}

async function adaptyTime(sandbox: Running, customerUserId: string, since: number): Promise<number> {
  const response = await fetch(`${sandbox.url}/__sandbox/requests?for=${encodeURIComponent(customerUserId)}`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}` },
  });
  const { requests } = (await response.json()) as { requests: { time: string; durationMs: number | null }[] };
  return requests
    .filter((request) => Date.parse(request.time) >= since)
    .reduce((sum, request) => sum + (request.durationMs ?? 0), 0);
}

/** Median of `runs` grants, each on a customer of its own, from "Grant" to the level shown active. */
export async function grantRoundTrip(browser: Browser, console_: Running, sandbox: Running, runs: number) {
  const context = await signedInContext(browser, console_.url);
  const page = await context.newPage();
  const results: GrantRoundTrip[] = [];
  for (let run = -2; run < runs; run++) {
    const customer = `bench-grant-${Date.now()}-${run + 2}`;
    await copyOfDemo(sandbox, customer);
    await page.goto(profilePath(customer));
    await page.getByRole("button", { name: "Grant access" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("1 month", { exact: true }).click();
    await dialog.getByLabel("Reason").fill("Benchmark grant");
    await dialog.getByRole("button", { name: "Review" }).click();
    const confirm = dialog.getByRole("button", { name: "Grant", exact: true });
    await confirm.waitFor();
    const since = Date.now();
    const started = performance.now();
    await confirm.click();
    await page.getByText("Granted.", { exact: false }).first().waitFor();
    const totalMs = performance.now() - started;
    const adaptyMs = await adaptyTime(sandbox, customer, since - 5);
    if (run >= 0) results.push({ totalMs, adaptyMs, consoleMs: totalMs - adaptyMs });
  }
  await context.close();
  return {
    totalMs: median(results.map((r) => r.totalMs)),
    adaptyMs: median(results.map((r) => r.adaptyMs)),
    consoleMs: median(results.map((r) => r.consoleMs)),
  };
}
