"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startTransition } from "react";

/**
 * What an agent sees when a page fails: plain words, a retry, and the digest that lets
 * the engineer find the server log line. Never the error message or a stack trace.
 */
export function ErrorNotice({ digest, onRetry }: { digest: string | undefined; onRetry: () => void }) {
  const t = useTranslations("Error");
  const router = useRouter();
  // A page that failed on the server (its database away, say) must be rendered again
  // there; resetting the boundary alone would show the same failed render.
  const retry = () =>
    startTransition(() => {
      router.refresh();
      onRetry();
    });
  return (
    <div role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      {digest ? <p className="mt-3 font-mono text-xs text-slate-500">{t("reference", { digest })}</p> : null}
      <button
        type="button"
        onClick={retry}
        className="mt-6 rounded-md bg-slate-900 px-4 py-2 text-sm text-white hover:bg-slate-700"
      >
        {t("retry")}
      </button>
    </div>
  );
}
