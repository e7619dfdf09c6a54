"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** Copies an id to the clipboard, and says so. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const t = useTranslations("Profile");
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      aria-label={t("copyLabel", { what })}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1_500);
        });
      }}
      className="shrink-0 whitespace-nowrap rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-100"
    >
      {copied ? t("copied") : t("copy")}
    </button>
  );
}
