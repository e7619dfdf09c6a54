import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { recordEvent } from "@/server/audit";
import { requestContext } from "@/server/audit/request-context";
import { getEnv } from "@/server/env";
import { getAuthSecret } from "@/server/env/auth-secret";
import { clientAddress } from "./client-address";
import { MAX_PASSWORD_LENGTH, decoyHash, verifyPassword } from "./passwords";
import { safeCallbackPath } from "./safe-redirect";
import { beginSignInAttempt, forgetSignInAttempt, markSignInAttemptSucceeded, signInLockedUntil } from "./sign-in-attempts";
import { addStaff, findStaffByEmail, normaliseEmail, StaffExistsError } from "./staff";

/** Why a password sign-in was refused; the code travels to the sign-in page. */
export type SignInRefusal = "invalid" | "locked" | "disabled";

class SignInRefused extends CredentialsSignin {
  constructor(refusal: SignInRefusal) {
    super();
    this.code = refusal;
  }
}

/** A session lasts a working day at most; then the agent signs in again. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

async function authorizeWithPassword(credentials: Partial<Record<"email" | "password", unknown>>, request: Request) {
  const email = typeof credentials.email === "string" ? normaliseEmail(credentials.email).slice(0, 320) : "";
  const password = typeof credentials.password === "string" ? credentials.password : "";
  if (!email) throw new SignInRefused("invalid");
  const address = clientAddress(request.headers);
  const context = { clientAddress: address, userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300) };
  // The attempt is written as a failure before it is judged, so parallel guesses count
  // against each other; it becomes a success only once the password checks out.
  const attempt = await beginSignInAttempt(email, address);
  if (await signInLockedUntil(email, address, attempt)) {
    await forgetSignInAttempt(attempt); // a refused attempt is not a failure: waiting out the lock works
    await recordEvent({ actor: { email }, action: "auth.sign_in_failed", outcome: "failed", detail: "locked", context });
    throw new SignInRefused("locked");
  }

  if (!password || password.length > MAX_PASSWORD_LENGTH) {
    await recordEvent({ actor: { email }, action: "auth.sign_in_failed", outcome: "failed", detail: "invalid", context });
    throw new SignInRefused("invalid");
  }
  const member = await findStaffByEmail(email);
  // Unknown emails cost the same hashing as known ones, so timing reveals nothing.
  const verified = member?.passwordHash ? await verifyPassword(password, member.passwordHash) : await verifyPassword(password, await decoyHash()).then(() => false);
  const actor = { id: member?.id ?? null, email, role: member?.role ?? null };
  const refuse = async (refusal: SignInRefusal) => {
    await recordEvent({ actor, action: "auth.sign_in_failed", outcome: "failed", detail: refusal, context });
    return new SignInRefused(refusal);
  };
  if (!member || !verified) throw await refuse("invalid");
  if (!member.enabled) throw await refuse("disabled");
  await markSignInAttemptSucceeded(attempt);
  await recordEvent({ actor, action: "auth.signed_in", outcome: "succeeded", params: { method: "password" }, context });
  return { id: member.id, email: member.email, name: member.displayName };
}

/**
 * Single sign-on admits only people the console knows: an enabled staff row, or an
 * email in AUTH_ALLOWED_DOMAINS, who then get a staff row as a viewer.
 */
async function admitSingleSignOn(profile: { email?: unknown; email_verified?: unknown } | undefined): Promise<boolean> {
  // Only an email the provider says it verified: a missing claim is not a verified one.
  const email = typeof profile?.email === "string" && profile.email_verified === true ? normaliseEmail(profile.email) : null;
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
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
          if (member) token.sub = member.id;
          token.signedInAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
        return session;
      },
      redirect: ({ url, baseUrl }) => {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        // Signing out lands on the sign-in page; everything else only on console paths.
        return `${baseUrl}${path === "/sign-in" ? path : safeCallbackPath(path)}`;
      },
    },
    logger: {
      // One line, no stack: refused sign-ins are expected and are not server errors.
      error: (error) => {
        if (!(error instanceof CredentialsSignin)) console.error(`Authentication error: ${error.name}: ${error.message}`);
      },
      warn: () => undefined,
      debug: () => undefined,
    },
  };
}

declare module "next-auth" {
  interface Session {
    /** When this session began (ms), to honour "sign out everywhere" (staff.sessions_revoked_at). */
    signedInAt: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
