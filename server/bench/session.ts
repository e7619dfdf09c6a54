import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

// The console as a browser uses it, without a browser: a signed-in session cookie, the
// profile page, and the server action the page calls to refresh the profile.

const SESSION_COOKIE = "authjs.session-token";

/** Signs in through next-auth's credentials endpoint; the session's Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/profiles" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && cookie.length > SESSION_COOKIE.length + 1);
  if (!session) throw new Error(`signing in as ${email} failed (${response.status})`);
  return session;
}

type ManifestEntry = { exportedName: string; workers: Record<string, unknown> };

function manifestEntry(name: string): [string, ManifestEntry] {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`no server action named ${name} in the build (is a page mounting it merged?)`);
  return found;
}

/** The id of a server action in the build (`.next/server/server-reference-manifest.json`). */
export function actionId(name: string): string {
  return manifestEntry(name)[0];
}

/** An action's id and the route of a page that mounts it: "app/(console)/bulk/[id]/page" → "/bulk/[id]". */
export function mountedAction(name: string): { id: string; route: string } {
  const [id, entry] = manifestEntry(name);
  const worker = Object.keys(entry.workers).find((name) => name.endsWith("/page"));
  if (!worker) throw new Error(`server action ${name} is mounted on no page`);
  const segments = worker.split("/").slice(1, -1);
  return { id, route: `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}` };
}

/** Calls a server action as React does (its arguments as a JSON array) at `at`; the action's `data`, or throws. */
export async function callAction(base: string, cookie: string, id: string, at: string, args: unknown[]) {
  const response = await fetch(`${base}${at}`, {
    method: "POST",
    headers: {
      "next-action": id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: base,
      cookie,
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  // React's answer: one line per chunk, the action's result in chunk 1.
  const line = text.split("\n").find((candidate) => candidate.startsWith("1:"));
  const result = line ? (JSON.parse(line.slice(2)) as { data?: unknown }) : undefined;
  if (response.status !== 200 || !result || !("data" in result))
    throw new Error(`the action at ${at} answered ${response.status}: ${text.slice(0, 500)}`);
  return result.data;
}

export const profilePath = (customerUserId: string) => `/profiles/by-customer/${encodeURIComponent(customerUserId)}`;

/** The profile page, as the browser's navigation requests it; throws unless it is the profile. */
export async function openProfile(base: string, cookie: string, customerUserId: string): Promise<void> {
  const response = await fetch(`${base}${profilePath(customerUserId)}`, { headers: { cookie } });
  const html = await response.text();
  if (response.status !== 200 || !html.includes('data-testid="profile-id"'))
    throw new Error(`the profile page of ${customerUserId} answered ${response.status}`);
}

/** The refresh the profile page makes (loadProfileAction), as React calls it. */
export async function refreshProfile(
  base: string,
  cookie: string,
  loadId: string,
  customer: { customerUserId: string; profileId: string },
): Promise<void> {
  const { profileId } = customer;
  const response = await fetch(`${base}${profilePath(customer.customerUserId)}`, {
    method: "POST",
    headers: {
      "next-action": loadId,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: base,
      cookie,
    },
    body: JSON.stringify([{ profileId }]),
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes(profileId)) throw new Error(`the refresh answered ${response.status}`);
}

/** The same profile read straight from the sandbox, as the console's Adapty client makes it. */
export async function readFromSandbox(sandboxUrl: string, key: string, customerUserId: string): Promise<void> {
  const response = await fetch(`${sandboxUrl}/api/v2/server-side-api/profile/`, {
    headers: { Authorization: `Api-Key ${key}`, "adapty-customer-user-id": customerUserId },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the sandbox answered ${response.status}`);
}
