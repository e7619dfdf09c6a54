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

/** The id of a server action in the build (`.next/server/server-reference-manifest.json`). */
export function actionId(name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`no server action named ${name} in the build`);
  return found[0];
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
