// Languages the console speaks. English is the source catalogue; Chinese, Japanese and
// Vietnamese follow (the people who run support read those), chosen per agent.
export const LOCALES = ["en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Cookies the browser sets so the server can render in the agent's language and zone. */
export const LOCALE_COOKIE = "console-locale";
export const TIME_ZONE_COOKIE = "console-time-zone";

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
