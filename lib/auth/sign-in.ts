/** Why a password sign-in was refused (server/auth/config.ts), or "unexpected" for a fault of ours. */
type SignInRefusalCode = "invalid" | "locked" | "disabled" | "unexpected";

/** What the sign-in form shows after an attempt; the sign-in action (server/auth/sign-in-actions.ts) answers with it. */
export interface SignInFormState {
  refusal?: SignInRefusalCode;
  /** ISO time the lockout ends, when refused for too many failures. */
  lockedUntil?: string;
  email?: string;
}

/** The password sign-in action as React's useActionState calls it. */
export type SignInAction = (previous: SignInFormState, form: FormData) => Promise<SignInFormState>;

/** A plain form action: single sign-on, sign-out. */
export type FormAction = (form: FormData) => Promise<void>;
