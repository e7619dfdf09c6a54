import { describe, expect, it } from "vitest";
import { acceptedTags, formatLocale, negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  it.each([
    ["ja-JP", "ja"],
    ["zh-CN", "zh-CN"],
    ["vi-VN", "vi"],
    ["en-GB", "en"],
    ["fr-FR", "en"],
    ["fr-FR,fr;q=0.9,ja;q=0.8", "ja"],
    ["zh-TW,zh;q=0.9", "zh-CN"],
    ["zh-Hant", "en"],
    ["", "en"],
    ["*", "en"],
  ])("%s → %s", (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it("follows the weights, not the order", () => {
    expect(negotiateLocale("en;q=0.5,vi-VN;q=0.9")).toBe("vi");
  });

  it("ignores junk", () => {
    expect(acceptedTags("<script>,ja;q=abc,vi;q=0")).toEqual(["ja"]); // a bad weight counts as 1
    expect(negotiateLocale(undefined)).toBe("en");
  });
});

describe("formatLocale", () => {
  it("keeps the browser's region when it speaks the chosen language", () => {
    expect(formatLocale("en", "en-GB,en;q=0.9")).toBe("en-GB");
    expect(formatLocale("en", "fr-FR")).toBe("en");
    expect(formatLocale("ja", "en-GB")).toBe("ja");
    expect(formatLocale("zh-CN", "zh-CN")).toBe("zh-CN");
  });
});
