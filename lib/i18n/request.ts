import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE, isLocale, isTimeZone, type Locale } from "./locales";
import { formatLocale, negotiateLocale } from "./negotiate";
import { currentZoneName } from "@/lib/time/zones";
import type english from "./messages/en.json";

const catalogues: Record<Locale, () => Promise<{ default: typeof english }>> = {
  en: () => import("./messages/en.json"),
  "zh-CN": () => import("./messages/zh-CN.json"),
  ja: () => import("./messages/ja.json"),
  vi: () => import("./messages/vi.json"),
};

// Every user-facing string comes from one catalogue per language. The language is the one the
// agent chose (a cookie, also kept on their staff row), else the browser's Accept-Language;
// the URL never carries it, so deep links are the same for everyone. The time zone travels in
// a cookie too, so server-rendered pages match the browser. A language named by the caller
// (`getTranslations({ locale })`, the reply summary's) is used instead, in the same region.
export default getRequestConfig(async ({ locale: named }) => {
  const [store, request] = await Promise.all([cookies(), headers()]);
  const chosen = store.get(LOCALE_COOKIE)?.value;
  const accepted = request.get("accept-language");
  const language = isLocale(named) ? named : isLocale(chosen) ? chosen : negotiateLocale(accepted);
  const requestedZone = store.get(TIME_ZONE_COOKIE)?.value?.replaceAll("%2F", "/");
  return {
    // The formatting locale: the language, in the browser's region when it is of that language.
    locale: formatLocale(language, accepted),
    timeZone: isTimeZone(requestedZone) ? currentZoneName(requestedZone) : "UTC",
    // One "now" for the whole render, shared with the browser so relative times agree.
    now: new Date(),
    messages: (await catalogues[language]()).default,
  };
});
