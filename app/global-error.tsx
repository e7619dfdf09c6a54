"use client";

import { NextIntlClientProvider } from "next-intl";
import { useSyncExternalStore } from "react";
import { ErrorNotice } from "@/components/shell/error-notice";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import english from "@/lib/i18n/messages/en.json";
import japanese from "@/lib/i18n/messages/ja.json";
import vietnamese from "@/lib/i18n/messages/vi.json";
import chinese from "@/lib/i18n/messages/zh-CN.json";
import "./globals.css";

// Only the error page's own words, in every language: this page is bundled apart from the rest.
const ERROR_WORDS: Record<Locale, Pick<typeof english, "Error">> = {
  en: { Error: english.Error },
  "zh-CN": { Error: chinese.Error },
  ja: { Error: japanese.Error },
  vi: { Error: vietnamese.Error },
};

/** The agent's language as the browser knows it: their chosen cookie, else the browser's languages. */
function browserLanguage(): Locale {
  const chosen = document.cookie
    .split("; ")
    .find((entry) => entry.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  return isLocale(chosen) ? chosen : negotiateLocale(navigator.languages.join(","));
}

/** Nothing to subscribe to: the language does not change while this page is shown. */
const unchanging = () => () => undefined;

// Replaces the root layout when that layout itself fails, so it brings its own provider
// (and its own words) rather than relying on the one that just failed.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // English as the server rendered it, then the agent's language in the browser (no mismatch).
  const language = useSyncExternalStore(unchanging, browserLanguage, () => "en" as const);
  return (
    <html lang={language}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider locale={language} messages={ERROR_WORDS[language]} timeZone="UTC">
          <ErrorNotice digest={error.digest} onRetry={reset} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
