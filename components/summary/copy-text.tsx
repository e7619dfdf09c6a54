"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { buttonClass, inputClass } from "@/components/ui/styles";

/**
 * The summary as read-only text and its Copy button. The outcome is announced (aria-live);
 * when the browser refuses the clipboard the text is selected, so the agent copies it by hand.
 */
export function CopyText({
  text,
  lang,
  loading,
  hint,
}: {
  text: string | undefined;
  lang: string;
  loading: boolean;
  hint: string;
}) {
  const t = useTranslations("ReplySummary");
  const [copy, setCopy] = useState<"not yet" | "copied" | "refused">("not yet");
  const area = useRef<HTMLTextAreaElement>(null);
  const ids = { text: useId(), hint: useId() };

  const refused = () => {
    setCopy("refused");
    area.current?.focus();
    area.current?.select();
  };
  const copyText = () => {
    if (!text) return;
    if (!navigator.clipboard) return refused(); // an insecure origin has no clipboard at all
    navigator.clipboard.writeText(text).then(() => setCopy("copied"), refused);
  };

  return (
    <div className="space-y-2">
      <label htmlFor={ids.text} className="block text-sm font-medium">
        {t("preview")}
      </label>
      <textarea
        ref={area}
        id={ids.text}
        readOnly
        lang={lang}
        rows={6}
        aria-busy={loading}
        aria-describedby={ids.hint}
        value={text ?? (loading ? t("loading") : "")}
        data-testid="reply-summary-text"
        className={`${inputClass} resize-y leading-relaxed ${loading ? "text-slate-500" : ""}`}
      />
      <p id={ids.hint} className="text-xs text-slate-500">
        {hint}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass} disabled={!text || loading} onClick={copyText}>
          {t("copy")}
        </button>
        <p aria-live="polite" className="min-w-0 text-sm text-slate-700">
          {copy === "copied" ? t("copied") : copy === "refused" ? t("copyRefused") : null}
        </p>
      </div>
    </div>
  );
}
