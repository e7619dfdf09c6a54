"use client";

import { useTranslations } from "next-intl";
import type { AdaptyFailure } from "@/lib/change/outcome";

/** A dialog's error that belongs to no one field, with Adapty's references when there are some. */
export function FormError({ error }: { error: { message: string; failure?: AdaptyFailure } | null }) {
  const t = useTranslations("Access");
  if (!error) return null;
  const failure = error.failure;
  return (
    <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900">
      <p>{error.message}</p>
      {failure && (failure.status || failure.requestId) ? (
        <p className="mt-1 font-mono text-xs">
          {t("reference", {
            status: failure.status ?? "—",
            code: failure.errorCode ?? "—",
            requestId: failure.requestId ?? "—",
          })}
        </p>
      ) : null}
    </div>
  );
}
