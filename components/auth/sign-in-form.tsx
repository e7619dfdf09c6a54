"use client";

import { useActionState, useRef } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { FieldShell } from "@/components/ui/field-shell";
import type { FormAction, SignInAction, SignInFormState } from "@/lib/auth/sign-in";
import type { Role } from "@/lib/staff/roles";

interface Props {
  callbackUrl: string;
  notice: string | undefined;
  singleSignOnName: string | undefined;
  demoAccounts: { email: string; role: Role }[];
  demoPassword: string;
  /** The server actions, passed down from the sign-in page. */
  signIn: SignInAction;
  singleSignOn: FormAction;
}

const INPUT =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-slate-900 focus:outline-none focus:ring-1 focus:ring-slate-900";

export function SignInForm({ callbackUrl, notice, singleSignOnName, demoAccounts, demoPassword, ...actions }: Props) {
  const t = useTranslations("SignIn");
  const format = useFormatter();
  const [state, submit, pending] = useActionState<SignInFormState, FormData>(actions.signIn, {});
  const form = useRef<HTMLFormElement>(null);

  const refusal = state.refusal
    ? state.refusal === "locked"
      ? state.lockedUntil
        ? t("refusal.locked", {
            time: format.dateTime(new Date(state.lockedUntil), {
              hour: "numeric",
              minute: "2-digit",
              timeZoneName: "short",
            }),
          })
        : t("refusal.lockedNoTime")
      : t(`refusal.${state.refusal}`)
    : undefined;

  const refusalId = refusal ? "sign-in-refusal" : undefined;

  function signInAs(email: string) {
    const element = form.current;
    if (!element) return;
    (element.elements.namedItem("email") as HTMLInputElement).value = email;
    (element.elements.namedItem("password") as HTMLInputElement).value = demoPassword;
    element.requestSubmit();
  }

  return (
    <div className="mt-6 space-y-6">
      {notice ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <form ref={form} action={submit} className="space-y-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <FieldShell id="sign-in-email" label={t("email")} invalid={!!refusal} describedBy={refusalId} className="">
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              required
              maxLength={320}
              defaultValue={state.email}
              className={INPUT}
            />
          )}
        </FieldShell>
        <FieldShell
          id="sign-in-password"
          label={t("password")}
          invalid={!!refusal}
          describedBy={refusalId}
          className=""
        >
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              maxLength={200}
              className={INPUT}
            />
          )}
        </FieldShell>
        {refusal ? (
          <p
            id={refusalId}
            role="alert"
            className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900"
          >
            {refusal}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
        >
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>

      {singleSignOnName ? (
        <form action={actions.singleSignOn}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <p className="mb-3 text-center text-xs uppercase tracking-wide text-slate-500">{t("or")}</p>
          <button
            type="submit"
            className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
          >
            {t("sso", { name: singleSignOnName })}
          </button>
        </form>
      ) : null}

      {demoAccounts.length > 0 ? (
        <section aria-labelledby="demo-accounts" className="rounded-md border border-amber-300 bg-amber-50 p-4">
          <h2 id="demo-accounts" className="text-sm font-semibold">
            {t("demoTitle")}
          </h2>
          <p className="mt-1 text-xs text-amber-900">{t("demoIntro")}</p>
          <ul className="mt-3 space-y-2">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => signInAs(account.email)}
                  className="flex w-full items-center justify-between rounded-md border border-amber-300 bg-white px-3 py-2 text-left text-sm hover:bg-amber-100"
                >
                  <span>{t("demoAs", { role: account.role })}</span>
                  <span className="font-mono text-xs text-slate-500">{account.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
