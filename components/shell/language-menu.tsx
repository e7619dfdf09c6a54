"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import type { ConsoleAction } from "@/lib/change/action";
import { languageOf } from "@/lib/i18n/language-of";
import { LOCALES, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALE_NAMES, isLocale, type Locale } from "@/lib/i18n/locales";
import { compactInputClass } from "@/components/ui/styles";

export type SaveLanguage = ConsoleAction<{ language: Locale }, { language: Locale }>;

const writeCookie = (language: Locale) => {
  document.cookie = `${LOCALE_COOKIE}=${language}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax`;
};

/**
 * The language menu of the header and the sign-in page: the page changes at once (the cookie
 * lib/i18n/request.ts reads, then a re-render); signed in, the choice is also kept on the
 * staff row (`save`), and the row's language wins over this browser's when they differ.
 */
export function LanguageMenu({ save, stored }: { save?: SaveLanguage; stored?: string | null }) {
  const t = useTranslations("Language");
  const current = languageOf(useLocale());
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notKept, setNotKept] = useState(false);
  const applied = useRef(false);

  // Once per page: a language chosen in another browser reaches this one (single sign-on
  // included, which does not pass through the password sign-in).
  useEffect(() => {
    if (applied.current) return;
    applied.current = true;
    if (!isLocale(stored ?? undefined) || stored === current) return;
    writeCookie(stored as Locale);
    router.refresh();
  }, [stored, current, router]);

  const choose = (language: Locale) =>
    startTransition(async () => {
      writeCookie(language);
      if (save) setNotKept(!(await save({ language }).catch(() => undefined))?.data);
      router.refresh();
    });

  return (
    <span className="flex shrink-0 items-center gap-2 text-sm">
      <select
        aria-label={t("label")}
        value={current}
        disabled={pending}
        onChange={(event) => isLocale(event.target.value) && choose(event.target.value)}
        className={`${compactInputClass} max-w-36`}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
      {notKept ? (
        <span role="status" className="text-xs text-amber-700">
          {t("notKept")}
        </span>
      ) : null}
    </span>
  );
}
