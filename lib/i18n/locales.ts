// Languages the console speaks. English is the source catalogue; Chinese, Japanese and
// Vietnamese follow (the people who run support read those), chosen per agent.
export const LOCALES = ["en", "zh-CN", "ja", "vi"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * Each language named in itself, as a language menu conventionally shows them: an agent who
 * landed in a language they cannot read still finds their own. Not translated, so not in
 * the catalogues.
 */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "zh-CN": "简体中文",
  ja: "日本語",
  vi: "Tiếng Việt",
};

/** Cookies the browser sets so the server can render in the agent's language and zone. */
export const LOCALE_COOKIE = "console-locale";
export const TIME_ZONE_COOKIE = "console-time-zone";
/** A year: the choice is also on the staff row, which the console re-applies at sign-in. */
export const LOCALE_COOKIE_MAX_AGE = 31_536_000;

export function isLocale(value: string | undefined): value is Locale {
  return LOCALES.includes(value as Locale);
}

export function isTimeZone(value: string | undefined): value is string {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
