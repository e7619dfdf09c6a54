"use client";

import { NextIntlClientProvider } from "next-intl";
import { ErrorNotice } from "@/components/shell/error-notice";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import messages from "@/lib/i18n/messages/en.json";
import "./globals.css";

// Replaces the root layout when that layout itself fails, so it brings its own provider
// with the source catalogue rather than relying on the one that just failed.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang={DEFAULT_LOCALE}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider locale={DEFAULT_LOCALE} messages={messages} timeZone="UTC">
          <ErrorNotice digest={error.digest} onRetry={reset} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
