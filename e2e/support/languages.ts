import { mkdirSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { expect, type Page } from "@playwright/test";
import english from "../../lib/i18n/messages/en.json";
import japanese from "../../lib/i18n/messages/ja.json";
import vietnamese from "../../lib/i18n/messages/vi.json";
import chinese from "../../lib/i18n/messages/zh-CN.json";

// What the language tests need: each language's catalogue (the words to click and expect),
// the browser language that lands on it, how its dates look, and a check that nothing on a
// page is still English but ids, Adapty's own words and the terms every catalogue keeps.

export type Catalogue = typeof english;

export const LANGUAGES = [
  // English readers in Britain get British dates: the tests' default browser (playwright.config.ts).
  { language: "en", browser: "en-GB", messages: english, date: /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}/ },
  { language: "zh-CN", browser: "zh-CN", messages: chinese, date: /\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/ },
  { language: "ja", browser: "ja-JP", messages: japanese, date: /\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/ },
  { language: "vi", browser: "vi-VN", messages: vietnamese, date: /\d{1,2} thg \d{1,2}, \d{4} \d{2}:\d{2}/ },
] as const;

/** Where the screenshots the issue asks for go (outside the repository), one folder for every run. */
export const LANGUAGE_SHOTS = process.env.I18N_SHOTS ?? "/work/shots-i18n";

/** The words a message shows: its literal text, in every select and plural case, never its argument names or case keys. */
const literals = (elements: MessageFormatElement[]): string[] =>
  elements.flatMap((element) =>
    element.type === TYPE.literal
      ? [element.value]
      : element.type === TYPE.select || element.type === TYPE.plural
        ? Object.values(element.options).flatMap((option) => literals(option.value))
        : element.type === TYPE.tag
          ? literals(element.children)
          : [],
  );

const wordsOf = (tree: unknown): string[] =>
  typeof tree === "string"
    ? (
        literals(parse(tree))
          .join(" ")
          .match(/\p{L}+/gu) ?? []
      ).map((word) => word.toLowerCase())
    : Object.values(tree as object).flatMap(wordsOf);

/** The English catalogue's words that a translated page must not show: those its own catalogue lacks. */
function englishOnlyWords(messages: Catalogue): Set<string> {
  const own = new Set(wordsOf(messages));
  return new Set(wordsOf(english).filter((word) => word.length >= 3 && !own.has(word)));
}

/** Not words of the console's: names a screen shows as they are. */
const KEPT = new Set(["english", "premium", "adapty", "utc", "gmt", "csv", "json"]);

/**
 * Fails when the page shows an English word of the console's catalogue. Before looking,
 * it drops Adapty's words (marked `lang="en"`), the zone picker's options (Intl's names),
 * emails, ids and zone ids (anything with a digit, _ - . @ or /), shown as they are everywhere.
 */
export async function expectNoEnglishLeft(page: Page, messages: Catalogue, where: string): Promise<void> {
  if (messages === english) return;
  const text = await page.evaluate(() => {
    let all = document.body.innerText;
    for (const kept of document.querySelectorAll<HTMLElement>('[lang="en"]')) all = all.replace(kept.innerText, " ");
    // The zone picker's options: "UTC+12:00 · Pacific/Auckland — Giờ New Zealand", CLDR's names.
    for (const option of document.querySelectorAll("option"))
      if (option.text.includes(" · ")) all = all.replace(option.text, " ");
    return all;
  });
  const forbidden = englishOnlyWords(messages);
  const tokens = text.split(/[\s()（）「」“”"':：,，。、;；·—=]+/u).filter((token) => !/[\d_\-.@/]/.test(token));
  const left = [...new Set(tokens.flatMap((token) => token.match(/\p{L}+/gu) ?? []))].filter(
    (word) => forbidden.has(word.toLowerCase()) && !KEPT.has(word.toLowerCase()),
  );
  expect(left, `English left on ${where}`).toEqual([]);
}

/** Screenshots at the two widths the console is checked at: 1280 px and 390 px. */
export async function shootBothWidths(page: Page, language: string, name: string): Promise<void> {
  mkdirSync(LANGUAGE_SHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 });
    // Nothing may stick out sideways at this width (long German-length English, CJK).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} in ${language} at ${width} px is wider than the screen`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(LANGUAGE_SHOTS, `${language}-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

/** A message with its simple arguments filled in ("Revoke {level}" → "Revoke premium"). */
export const fill = (message: string, values: Record<string, string>) =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
