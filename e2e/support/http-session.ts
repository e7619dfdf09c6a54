import { readFileSync } from "node:fs";
import { encode } from "next-auth/jwt";
import type { E2ERole } from "./auth";
import { sessionOf } from "./auth";
import { query } from "./database";
import { AUTH_SECRET, CONSOLE_URL, E2E_PASSWORD } from "./servers";

// Sessions as an attacker holds them: a Cookie header, made without a browser.

const SESSION_COOKIE = "authjs.session-token";

/** The Cookie header of a role's saved browser session (auth.setup.ts). */
export function cookieOf(role: E2ERole): string {
  const state = JSON.parse(readFileSync(sessionOf(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
}

/** Signs in through next-auth's credentials endpoint, as a script would; the session's Cookie header. */
export async function signInOverHttp(
  email: string,
  password = E2E_PASSWORD,
  headers: Record<string, string> = {},
  callbackUrl = "/profiles",
  base = CONSOLE_URL,
) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: base, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && cookie.length > SESSION_COOKIE.length + 1);
  return { status: response.status, location: response.headers.get("location") ?? "", cookie: session };
}

/** Signs a staff member in over HTTP: their session's Cookie header (or throws). */
export async function signedIn(email: string): Promise<string> {
  const { cookie } = await signInOverHttp(email);
  if (!cookie) throw new Error(`could not sign ${email} in`);
  return cookie;
}

/**
 * A session cookie signed with the console's real secret for a real staff member and a
 * session row begun `startedSecondsAgo` and last used `idleSeconds` ago, valid for
 * `maxAgeSeconds` from now (negative: expired that long ago) — as someone holding the secret
 * and a session id, or an old cookie, would present it.
 */
export async function forgedSessionCookie(
  email: string,
  maxAgeSeconds: number,
  { startedSecondsAgo = 120, idleSeconds = 0 }: { startedSecondsAgo?: number; idleSeconds?: number } = {},
): Promise<string> {
  const [member] = await query<{ id: string }>("select id from staff where email = $1", [email]);
  if (!member) throw new Error(`no staff member ${email}`);
  const [session] = await query<{ id: string }>(
    "insert into staff_sessions (staff_id, started_at, last_seen_at) values ($1, now() - make_interval(secs => $2), now() - make_interval(secs => $3)) returning id",
    [member.id, startedSecondsAgo, idleSeconds],
  );
  const token = await encode({
    token: { sub: member.id, email, sid: session!.id },
    secret: AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: maxAgeSeconds,
  });
  return `${SESSION_COOKIE}=${token}`;
}
