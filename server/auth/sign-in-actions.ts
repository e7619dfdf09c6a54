"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { clientAddress } from "@/server/http/client-address";
import { signIn, signOut, type SignInRefusal } from "@/server/auth/config";
import { safeCallbackPath } from "@/server/auth/safe-redirect";
import { signInLockedUntil } from "@/server/auth/sign-in-attempts";
import { currentStaff } from "@/server/auth/require-staff";
import { normaliseEmail, revokeStaffSessions } from "@/server/auth/staff";

// The only actions open without a session: signing in and signing out. Signing in is
// checked by next-auth's authorize (password, lockout, enabled flag) — see server/auth/config.ts.

export interface SignInState {
  refusal?: SignInRefusal | "unexpected";
  /** ISO time the lockout ends, when refused for too many failures. */
  lockedUntil?: string;
  email?: string;
}

// A script can call these actions with any arguments React decodes ("$undefined", a number,
// an object) where the form belongs; reading one would be a TypeError and a 500. Signing in
// then answers as for a wrong password, and a missing form has no fields.
const field = (form: FormData, name: string, max: number) => {
  const value = form instanceof FormData ? form.get(name) : null;
  return typeof value === "string" ? value.slice(0, max) : "";
};

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  if (!(form instanceof FormData)) return { refusal: "invalid" };
  const email = field(form, "email", 320);
  try {
    await signIn("credentials", {
      email,
      password: field(form, "password", 1_000),
      redirectTo: safeCallbackPath(field(form, "callbackUrl", 2_000)),
    });
    return {};
  } catch (error) {
    unstable_rethrow(error); // the redirect after a successful sign-in
    if (error instanceof CredentialsSignin) {
      const refusal = (["invalid", "locked", "disabled"] as const).find((code) => code === error.code) ?? "invalid";
      if (refusal !== "locked") return { refusal, email };
      const until = await signInLockedUntil(await getDb(), normaliseEmail(email), clientAddress(await headers()));
      return { refusal, email, lockedUntil: until?.toISOString() };
    }
    console.error(`Sign-in failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return { refusal: "unexpected", email };
  }
}

export async function signInWithSingleSignOn(form: FormData): Promise<void> {
  if (!getEnv().oidc) return;
  await signIn("oidc", { redirectTo: safeCallbackPath(field(form, "callbackUrl", 2_000)) });
}

/** Signs this person out on every device: sessions begun before now stop working. */
export async function signOutEverywhere(): Promise<void> {
  const staff = await currentStaff();
  if (staff) await revokeStaffSessions(staff.id);
  await signOut({ redirectTo: "/sign-in" });
}
