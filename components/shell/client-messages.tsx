import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { type ClientPart, clientMessages } from "@/lib/i18n/client-messages";

/**
 * The catalogue the browser code below reads (lib/i18n/client-messages.ts). A provider
 * further down replaces this one's messages for its part of the page, so each lists all
 * it needs.
 */
export async function ClientMessages({ part, children }: { part: ClientPart; children: ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  return <NextIntlClientProvider messages={clientMessages(messages, part)}>{children}</NextIntlClientProvider>;
}
