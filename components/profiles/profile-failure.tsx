"use client";

import { useTranslations } from "next-intl";
import type { AdaptyFailure } from "@/lib/change/outcome";

interface Props {
  failure: AdaptyFailure | { kind: "invalid_id" };
  id: string;
  how: "profile" | "customer" | "both";
  onRetry?: () => void;
}

/** An Adapty failure in place, in plain words, with the references an engineer needs and a retry. */
export function ProfileFailure({ failure, id, how, onRetry }: Props) {
  const t = useTranslations("Profile.error");
  const reference = "status" in failure && (failure.status || failure.requestId);
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-5 text-sm text-rose-950">
      <p className="font-medium">{t(failure.kind, { id, how: how === "both" ? "other" : how })}</p>
      {failure.kind === "not_found" ? <p className="mt-1 text-rose-900">{t("searched", { how })}</p> : null}
      {reference && "status" in failure ? (
        <p className="mt-2 font-mono text-xs text-rose-800">
          {t("reference", {
            status: failure.status ?? "—",
            code: failure.errorCode ?? "—",
            requestId: failure.requestId ?? "—",
          })}
        </p>
      ) : null}
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm hover:bg-rose-100"
        >
          {t("retry")}
        </button>
      ) : null}
    </div>
  );
}
