import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentStaff } from "@/server/auth/require-staff";
import { safeCallbackPath } from "@/server/auth/safe-redirect";
import { signInWithPassword, signInWithSingleSignOn } from "@/server/auth/sign-in-actions";
import { DEMO_PASSWORD, DEMO_STAFF } from "@/server/auth/staff";
import { getEnv } from "@/server/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await currentStaff()) redirect(callbackUrl);

  const env = getEnv();
  const t = await getTranslations("SignIn");
  return (
    <div className="w-full max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <SignInForm
        callbackUrl={callbackUrl}
        notice={
          first(params.reason) === "disabled" ? t("reasonDisabled") : first(params.error) ? t("refusal.sso") : undefined
        }
        singleSignOnName={env.oidc?.name}
        demoAccounts={env.mode === "sandbox" ? DEMO_STAFF : []}
        demoPassword={env.mode === "sandbox" ? DEMO_PASSWORD : ""}
        signIn={signInWithPassword}
        singleSignOn={signInWithSingleSignOn}
      />
    </div>
  );
}
