import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, TIME_ZONE_COOKIE, isLocale, isTimeZone, type Locale } from "./locales";
import type english from "./messages/en.json";

const catalogues: Record<Locale, () => Promise<{ default: typeof english }>> = {
  en: () => import("./messages/en.json"),
};

// Every user-facing string comes from one catalogue per language; the agent's language
// and time zone travel in cookies so server-rendered pages match the browser.
export default getRequestConfig(async () => {
  const store = await cookies();
  const requestedLocale = store.get(LOCALE_COOKIE)?.value;
  const requestedZone = store.get(TIME_ZONE_COOKIE)?.value?.replaceAll("%2F", "/");
  const locale = isLocale(requestedLocale) ? requestedLocale : DEFAULT_LOCALE;
  return {
    locale,
    timeZone: isTimeZone(requestedZone) ? requestedZone : "UTC",
    // One "now" for the whole render, shared with the browser so relative times agree.
    now: new Date(),
    messages: (await catalogues[locale]()).default,
  };
});
