import { describe, expect, it } from "vitest";
import { formatMoment } from "./moment";

const at = new Date("2026-12-06T16:19:00Z");

describe("formatMoment", () => {
  it.each([
    ["en", "Dec 6, 2026, 4:19 PM"],
    ["en-GB", "6 Dec 2026, 16:19"],
    ["zh-CN", "2026年12月6日 16:19"],
    ["ja", "2026年12月6日 16:19"],
    ["vi", "6 thg 12, 2026 16:19"],
  ])("writes %s as %s, 24-hour where the locale is", (locale, written) => {
    expect(formatMoment(locale, at, { timeZone: "UTC" }).replaceAll("\u202f", " ")).toBe(written);
  });

  it("pads the hour where the locale's own clock does", () => {
    const morning = new Date("2026-12-02T08:30:00Z");
    expect(formatMoment("en-GB", morning, { timeZone: "UTC" })).toBe("2 Dec 2026, 08:30");
    expect(formatMoment("vi", morning, { timeZone: "UTC" })).toBe("2 thg 12, 2026 08:30");
    expect(formatMoment("ja", morning, { timeZone: "UTC" })).toBe("2026年12月2日 8:30");
    expect(formatMoment("en", morning, { timeZone: "UTC" }).replaceAll("\u202f", " ")).toBe("Dec 2, 2026, 8:30 AM");
  });

  it("names the zone when asked, date still first", () => {
    expect(formatMoment("vi", at, { timeZone: "Asia/Ho_Chi_Minh", withZone: true })).toMatch(
      /^6 thg 12, 2026 23:19 GMT\+7$/,
    );
    expect(formatMoment("ja", at, { timeZone: "Asia/Tokyo", withZone: true })).toBe("2026年12月7日 1:19 JST");
  });
});
