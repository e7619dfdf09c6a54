import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

/** The language tags of an Accept-Language header, most wanted first ("ja-JP,ja;q=0.9,en;q=0.8"). */
export function acceptedTags(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20) // a header is short; a crafted long one is not worth reading whole
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}

/** The console's language for a browser tag: by its language part ("zh-Hans-CN" → zh-CN, "en-GB" → en). */
function localeOf(tag: string): Locale | undefined {
  const language = tag.toLowerCase().split("-")[0];
  // Traditional Chinese readers are not served by a Simplified catalogue: they fall through.
  if (language === "zh" && /-(hant|tw|hk|mo)\b/i.test(tag)) return undefined;
  return LOCALES.find((locale) => locale.toLowerCase().split("-")[0] === language);
}

/** A first visit's language: the browser's first language the console speaks, else English. */
export function negotiateLocale(header: string | null | undefined): Locale {
  for (const tag of acceptedTags(header)) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * The locale dates and numbers are written in: the browser's own regional variant when it is
 * of the chosen language (an en-GB browser reading English gets "6 Dec 2026, 16:19"), else
 * the language's usual one (English as in the US, as the console always wrote it).
 */
export function formatLocale(locale: Locale, header: string | null | undefined): string {
  const regional = acceptedTags(header).find((tag) => localeOf(tag) === locale && tag.includes("-"));
  if (!regional) return locale;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(regional)[0] ?? locale;
  } catch {
    return locale;
  }
}
