"use server";

import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { clientAddress } from "@/server/auth/client-address";
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

const field = (form: FormData, name: string, max: number) => {
  const value = form.get(name);
  return typeof value === "string" ? value.slice(0, max) : "";
};

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
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
