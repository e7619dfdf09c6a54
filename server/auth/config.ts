import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { recordAnonymousRefusal, recordEvent } from "@/server/audit";
import { boundedUserAgent, requestContext } from "@/server/audit/request-context";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { getAuthSecret } from "@/server/env/auth-secret";
import { clientAddress } from "@/server/http/client-address";
import { MAX_PASSWORD_LENGTH, decoyHash, verifyPassword } from "./passwords";
import { safeCallbackPath } from "./safe-redirect";
import { noiseLog } from "./noise-log";
import { endSession, startSession } from "./sessions";
import { beginSignInAttempt, markSignInAttemptSucceeded } from "./sign-in-attempts";
import { addStaff, findStaffByEmail, normaliseEmail, StaffExistsError } from "./staff";
import { applyStaffLanguageAtSignIn } from "./staff-language";

/** Why a password sign-in was refused; the code travels to the sign-in page. */
export type SignInRefusal = "invalid" | "locked" | "disabled";

class SignInRefused extends CredentialsSignin {
  constructor(refusal: SignInRefusal) {
    super();
    this.code = refusal;
  }
}

/**
 * The cookie's own lifetime. next-auth re-issues the cookie as it is used, so it is no
 * limit at all: the session's row decides (SESSION_MAX_HOURS, SESSION_IDLE_MINUTES).
 */
const COOKIE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

async function authorizeWithPassword(credentials: Partial<Record<"email" | "password", unknown>>, request: Request) {
  const email = typeof credentials.email === "string" ? normaliseEmail(credentials.email).slice(0, 320) : "";
  const password = typeof credentials.password === "string" ? credentials.password : "";
  if (!email) throw new SignInRefused("invalid");
  const address = clientAddress(request.headers);
  const context = { clientAddress: address, userAgent: boundedUserAgent(request.headers) };
  // The database decides, one attempt at a time per email and per address, whether this one
  // may check a password, and writes it as a failure before it is judged (sign-in-attempts.ts).
  const db = await getDb();
  const begun = await beginSignInAttempt(db, email, address);
  if ("lockedUntil" in begun) {
    // Nothing was checked: anyone can send these as fast as they like, so they are counted.
    await recordAnonymousRefusal({
      actor: { email },
      action: "auth.sign_in_failed",
      outcome: "failed",
      detail: "locked",
      context,
    });
    throw new SignInRefused("locked");
  }

  const member = await findStaffByEmail(email);
  const refuse = async (refusal: SignInRefusal) => {
    const event = {
      actor: { id: member?.id ?? null, email, role: member?.role ?? null },
      action: "auth.sign_in_failed" as const,
      outcome: "failed" as const,
      detail: refusal,
      context,
    };
    // A staff member's own failures are few (five per 15 minutes) and each one matters; guesses
    // at emails that are nobody's are counted like other anonymous refusals.
    await (member ? recordEvent(event) : recordAnonymousRefusal(event));
    return new SignInRefused(refusal);
  };
  if (!password || password.length > MAX_PASSWORD_LENGTH) throw await refuse("invalid");
  // Unknown emails cost the same hashing as known ones, so timing reveals nothing.
  const verified = member?.passwordHash
    ? await verifyPassword(password, member.passwordHash)
    : await verifyPassword(password, await decoyHash()).then(() => false);
  if (!member || !verified) throw await refuse("invalid");
  if (!member.enabled) throw await refuse("disabled");
  await markSignInAttemptSucceeded(db, begun.attempt);
  await recordEvent({
    actor: { id: member.id, email, role: member.role },
    action: "auth.signed_in",
    outcome: "succeeded",
    params: { method: "password" },
    context,
  });
  return { id: member.id, email: member.email, name: member.displayName };
}

/**
 * Single sign-on admits only people the console knows: an enabled staff row, or an
 * email in AUTH_ALLOWED_DOMAINS, who then get a staff row as a viewer.
 */
async function admitSingleSignOn(profile: { email?: unknown; email_verified?: unknown } | undefined): Promise<boolean> {
  // Only an email the provider says it verified: a missing claim is not a verified one.
  const email =
    typeof profile?.email === "string" && profile.email_verified === true ? normaliseEmail(profile.email) : null;
  const member = email ? await findStaffByEmail(email) : undefined;
  const domainAllowed = email !== null && getEnv().allowedDomains.includes(email.split("@")[1] ?? "");
  const admitted = member ? member.enabled : domainAllowed;
  if (admitted && email && !member) {
    try {
      await addStaff({ email, role: "viewer" });
    } catch (error) {
      if (!(error instanceof StaffExistsError)) throw error;
    }
  }
  await recordEvent({
    actor: { id: member?.id ?? null, email, role: member?.role ?? (admitted ? "viewer" : null) },
    action: admitted ? "auth.signed_in" : "auth.sign_in_failed",
    outcome: admitted ? "succeeded" : "failed",
    params: { method: "sso" },
    detail: admitted ? null : "not a staff member",
    context: await requestContext(),
  });
  return admitted;
}

function buildConfig(): NextAuthConfig {
  const { oidc } = getEnv();
  return {
    secret: getAuthSecret(),
    // Self-hosted behind any proxy: the host the browser used decides the cookie and URLs.
    trustHost: true,
    session: { strategy: "jwt", maxAge: COOKIE_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({ credentials: { email: {}, password: {} }, authorize: authorizeWithPassword }),
      ...(oidc
        ? [
            {
              id: "oidc",
              name: oidc.name,
              type: "oidc" as const,
              issuer: oidc.issuer,
              clientId: oidc.clientId,
              clientSecret: oidc.clientSecret,
              checks: ["pkce" as const, "state" as const, "nonce" as const],
            },
          ]
        : []),
    ],
    callbacks: {
      signIn: ({ account, profile }) => (account?.provider === "oidc" ? admitSingleSignOn(profile) : true),
      async jwt({ token, user, account }) {
        // The token carries only who this is; the role is read from the staff table on
        // every request (server/auth/require-staff.ts), so changes apply at once.
        if (account && user?.email) {
          const member = await findStaffByEmail(user.email);
          if (member) {
            token.sub = member.id;
            token.sid = await startSession(member.id);
            // The member's language follows them to this browser; it must never stop a sign-in.
            await applyStaffLanguageAtSignIn(member).catch((error: Error) =>
              console.error(`Could not apply the staff language at sign-in: ${error.message}`),
            );
          }
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionId = typeof token.sid === "string" ? token.sid : "";
        return session;
      },
      redirect: ({ url, baseUrl }) => {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        // Signing out lands on the sign-in page; everything else only on console paths.
        return `${baseUrl}${path === "/sign-in" ? path : safeCallbackPath(path)}`;
      },
    },
    events: {
      // next-auth's own sign-out endpoint ends the session's row too, so a copy of the cookie stops working.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endSession(sid);
      },
    },
    logger: {
      // One line, no stack: refused sign-ins are expected and are not server errors.
      error: (error) => {
        if (error instanceof CredentialsSignin) return;
        if (authErrorType(error) === "JWTSessionError") return unreadableCookies.note();
        console.error(`Authentication error: ${authErrorType(error)}: ${error.message.split(". Read more")[0]}`);
      },
      warn: () => undefined,
      debug: () => undefined,
    },
  };
}

/** next-auth's minified builds rename its error classes; its `type` keeps the real name. */
function authErrorType(error: Error): string {
  const type: unknown = (error as unknown as { type?: unknown }).type;
  return typeof type === "string" ? type : error.name;
}

/** A cookie that cannot be read (junk, or signed with another secret) is common noise: one log line a minute at most. */
const unreadableCookies = {
  note: noiseLog(
    (count) =>
      `Ignored ${count} unreadable session cookie${count === 1 ? "" : "s"} (junk, expired, or signed with another AUTH_SECRET); treated as signed out.`,
  ),
};

declare module "next-auth" {
  interface Session {
    /** The staff_sessions row this cookie names; it alone decides whether the session lives. */
    sessionId: string;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
