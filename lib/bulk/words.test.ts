import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import english from "@/lib/i18n/messages/en.json";
import japanese from "@/lib/i18n/messages/ja.json";
import vietnamese from "@/lib/i18n/messages/vi.json";
import chinese from "@/lib/i18n/messages/zh-CN.json";
import { countParts, durationParts, estimatedSeconds } from "./progress";
import type { RowCounts } from "./view";

// The bulk pages' numbers in words, as components/bulk/count-line.tsx and duration-words.ts
// put them together, with the real catalogues.

const catalogues = { en: english, "zh-CN": chinese, ja: japanese, vi: vietnamese } as const;
type Language = keyof typeof catalogues;

const none: RowCounts = {
  invalid: 0,
  ready: 0,
  sending: 0,
  succeeded: 0,
  failed: 0,
  refused: 0,
  unknown: 0,
  notFound: 0,
  cancelled: 0,
};

function words(locale: Language) {
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "Bulk" });
  const list = new Intl.ListFormat(locale);
  return {
    countLine: (total: number, counts: RowCounts) =>
      t("rowsWith", {
        count: total,
        parts: list.format(countParts(counts).map(({ part, count }) => t("count", { part, count }))),
      }),
    eta: (rows: number, rate: number) =>
      t("eta", { time: t("duration", durationParts(estimatedSeconds(rows, rate)!)) }),
  };
}

describe("the count line", () => {
  it("names the total and each outcome there is, in English", () => {
    expect(words("en").countLine(412, { ...none, succeeded: 380, failed: 2, invalid: 30 })).toBe(
      "412 rows: 380 succeeded, 2 failed, and 30 invalid",
    );
    expect(words("en").countLine(1, { ...none, ready: 1 })).toBe("1 row: 1 ready");
  });

  it.each<[Language, string]>([
    ["zh-CN", "412 行：410 行就绪和2 行无效"],
    ["ja", "412 行: 準備完了 410、無効 2"],
    ["vi", "412 dòng: 410 sẵn sàng và 2 không hợp lệ"],
  ])("says a draft's preview in %s", (locale, expected) => {
    expect(words(locale).countLine(412, { ...none, ready: 410, invalid: 2 })).toBe(expected);
  });
});

describe("the estimated time", () => {
  it("says the rows' requests (two a row) over the rate in one unit", () => {
    expect(words("en").eta(410, 4)).toBe("It takes about 3 minutes.");
    expect(words("en").eta(10, 2)).toBe("It takes about 10 seconds.");
    expect(words("en").eta(50_000, 4)).toBe("It takes about 6.9 hours.");
    expect(words("ja").eta(410, 4)).toBe("約 3 分かかります。");
  });
});
