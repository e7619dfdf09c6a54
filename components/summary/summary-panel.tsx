"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import type { ConsoleAction } from "@/lib/change/action";
import { languageOf } from "@/lib/i18n/language-of";
import { LOCALES, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import type { ReplySummary, ReplySummaryInput } from "@/lib/summary/schema";
import { CopyText } from "./copy-text";

export type ReplySummaryActionFn = ConsoleAction<ReplySummaryInput, ReplySummary>;

/** The summary's words, or a sentence saying why there are none. */
type Loaded = { text: string } | { problem: string };

/**
 * The reply summary's options and its text: the language (the console's by default) and
 * whether to tell the last change. Each choice asks the server again: the words come from
 * that language's catalogue, and the profile is re-read.
 */
export function SummaryPanel({
  profileId,
  action,
  onClose,
}: {
  profileId: string;
  action: ReplySummaryActionFn;
  onClose: () => void;
}) {
  const t = useTranslations("ReplySummary");
  const timeZone = useTimeZone() ?? "UTC";
  const [language, setLanguage] = useState<Locale>(languageOf(useLocale()));
  const [includeLastChange, setIncludeLastChange] = useState(false);
  const ids = { language: useId(), lastChange: useId() };
  const summary = useQuery({
    queryKey: ["reply-summary", profileId, language, includeLastChange],
    queryFn: async (): Promise<Loaded> => {
      const answer = await action({ profileId, locale: language, includeLastChange });
      const data = answer?.data;
      if (data && "text" in data) return { text: data.text };
      return { problem: answer?.serverError ?? t("unavailable") };
    },
    // Never an old summary: a grant made a minute ago must be in the next one.
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
  const loaded = summary.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div>
          <label htmlFor={ids.language} className="mb-1 block text-sm font-medium">
            {t("language")}
          </label>
          <select
            id={ids.language}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Locale)}
            className={`${inputClass} w-auto`}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LOCALE_NAMES[locale]}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={ids.lastChange} className="flex items-center gap-2 py-2 text-sm">
          <input
            id={ids.lastChange}
            type="checkbox"
            checked={includeLastChange}
            onChange={(event) => setIncludeLastChange(event.target.checked)}
            className="size-4"
          />
          {t("includeLastChange")}
        </label>
      </div>
      {loaded && "problem" in loaded ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          {loaded.problem}
        </p>
      ) : (
        <CopyText
          // A new text starts with no "Copied" left over from the one before.
          key={loaded?.text ?? ""}
          text={loaded?.text}
          lang={language}
          loading={summary.isFetching}
          hint={t("zoneHint", { zone: timeZone })}
        />
      )}
      <div className="flex justify-end">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {t("close")}
        </button>
      </div>
    </div>
  );
}
