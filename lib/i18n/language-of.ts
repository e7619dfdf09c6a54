import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

/** The console language of a formatting locale ("en-GB" → "en", "zh-CN" → "zh-CN"). */
export function languageOf(formatting: string): Locale {
  if ((LOCALES as readonly string[]).includes(formatting)) return formatting as Locale;
  const language = formatting.split("-")[0];
  return LOCALES.find((locale) => locale.split("-")[0] === language) ?? DEFAULT_LOCALE;
}
