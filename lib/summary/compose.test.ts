import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { AccessLevel } from "@/lib/adapty/types";
import english from "@/lib/i18n/messages/en.json";
import japanese from "@/lib/i18n/messages/ja.json";
import vietnamese from "@/lib/i18n/messages/vi.json";
import chinese from "@/lib/i18n/messages/zh-CN.json";
import { composeSummary, replyLocale, type SummaryContext } from "./compose";
import type { LastChange } from "./last-change";

const NOW = Date.parse("2026-12-02T06:00:00Z");
const catalogues = { en: english, "zh-CN": chinese, ja: japanese, vi: vietnamese } as const;
type Language = keyof typeof catalogues;

const context = (locale: Language | "en-GB", timeZone = "Europe/Berlin"): SummaryContext => ({
  t: createTranslator({
    locale,
    messages: catalogues[locale === "en-GB" ? "en" : locale],
    namespace: "ReplySummary",
  }),
  locale,
  timeZone,
  now: NOW,
});
const level = (id: string, fields: Partial<AccessLevel>): AccessLevel => ({
  access_level_id: id,
  store: "adapty",
  expires_at: "2027-01-06T10:00:00+00:00",
  ...fields,
});
const summaryOf = (levels: AccessLevel[], locale: Language | "en-GB" = "en", lastChange: LastChange | null = null) =>
  composeSummary({ access_levels: levels }, lastChange, context(locale));

describe("the reply summary in English, one sentence per status", () => {
  it.each<[string, Partial<AccessLevel>, string]>([
    ["active", {}, "Your premium access is active until January 6, 2027."],
    ["renewing", { store: "app_store" }, "Your premium access renews on January 6, 2027."],
    [
      "renewal cancelled",
      { store: "app_store", renewal_cancelled_at: "2026-11-20T10:00:00Z" },
      "Your premium access ends on January 6, 2027 (renewal cancelled).",
    ],
    [
      "revoke scheduled",
      { cancellation_reason: "adapty_revoked", renewal_cancelled_at: "2026-12-01T10:00:00Z" },
      "Your premium access is set to end on January 6, 2027.",
    ],
    ["lifetime", { expires_at: null }, "Your premium access has no end date."],
    [
      "starts later",
      { starts_at: "2026-12-10T10:00:00Z" },
      "Your premium access starts on December 10, 2026 and runs until January 6, 2027.",
    ],
    [
      "starts later, no end",
      { starts_at: "2026-12-10T10:00:00Z", expires_at: null },
      "Your premium access starts on December 10, 2026 and has no end date.",
    ],
    [
      "grace period",
      { store: "play_store", is_in_grace_period: true, expires_at: "2026-12-01T10:00:00Z" },
      "Your last payment for premium didn't go through, but your access stays on while the store tries again.",
    ],
    [
      "billing issue, access still open",
      { store: "app_store", billing_issue_detected_at: "2026-12-01T10:00:00Z" },
      "Your premium access is active until January 6, 2027, but your last payment didn't go through: please check your payment method in the store.",
    ],
    [
      "billing issue, access ended",
      { store: "app_store", billing_issue_detected_at: "2026-11-01T10:00:00Z", expires_at: "2026-11-05T10:00:00Z" },
      "Your premium access ended on November 5, 2026 because the payment didn't go through.",
    ],
    ["expired", { expires_at: "2026-11-05T10:00:00Z" }, "Your premium access ended on November 5, 2026."],
  ])("%s", (_, fields, text) => {
    expect(summaryOf([level("premium", fields)])).toBe(text);
  });

  it("says so when the customer has no access at all", () => {
    expect(summaryOf([])).toBe("You don't have any access at the moment.");
  });

  it("tells current access first, then what is to come, then what has ended", () => {
    const levels = [
      level("old", { expires_at: "2026-11-05T10:00:00Z" }),
      level("later", { starts_at: "2026-12-10T10:00:00Z", expires_at: null }),
      level("premium", {}),
    ];
    expect(summaryOf(levels)).toBe(
      "Your premium access is active until January 6, 2027. Your later access starts on December 10, 2026 and has no end date. Your old access ended on November 5, 2026.",
    );
  });

  it("writes the day as it falls in the agent's zone, in the agent's regional format", () => {
    const late = [level("premium", { expires_at: "2027-01-06T23:30:00Z" })];
    expect(composeSummary({ access_levels: late }, null, context("en", "Asia/Tokyo"))).toContain("January 7, 2027");
    expect(summaryOf(late, "en-GB")).toBe("Your premium access is active until 7 January 2027.");
  });
});

const granted: LastChange = {
  kind: "granted",
  at: new Date("2026-12-02T05:00:00Z"),
  accessLevelId: "premium",
  endsAt: new Date("2027-01-06T10:00:00Z"),
};

describe("the last change, when asked for", () => {
  it.each<[string, LastChange, string]>([
    ["a grant", granted, "On December 2, 2026 we granted you premium access until January 6, 2027."],
    [
      "a grant with no end",
      { ...granted, endsAt: null },
      "On December 2, 2026 we granted you premium access with no end date.",
    ],
    [
      "a revoke at once",
      { ...granted, kind: "revoked", endsAt: granted.at },
      "On December 2, 2026 we revoked your premium access.",
    ],
    [
      "a revoke at a later time",
      { ...granted, kind: "revoked" },
      "On December 2, 2026 we arranged for your premium access to end on January 6, 2027.",
    ],
  ])("%s", (_, change, sentence) => {
    expect(summaryOf([level("premium", {})], "en", change)).toBe(
      `Your premium access is active until January 6, 2027. ${sentence}`,
    );
  });
});

describe("the reply summary in Chinese, Japanese and Vietnamese", () => {
  const levels = [level("premium", {}), level("pro", { expires_at: null })];
  // Lifetime access first: the later end comes first among current access, as on the profile.
  it.each<[Language, string]>([
    [
      "zh-CN",
      "您的 pro 权限长期有效，没有结束日期。您的 premium 权限有效期至 2027年1月6日。我们已于 2026年12月2日 为您授予 premium 权限，有效期至 2027年1月6日。",
    ],
    [
      "ja",
      "pro のアクセスに終了日はございません。premium のアクセスは 2027年1月6日 までご利用いただけます。2026年12月2日 に、premium のアクセスを 2027年1月6日 まで付与いたしました。",
    ],
    [
      "vi",
      "Quyền truy cập pro của bạn không có ngày kết thúc. Quyền truy cập premium của bạn có hiệu lực đến ngày 6 tháng 1, 2027. Vào ngày 2 tháng 12, 2026, chúng tôi đã cấp cho bạn quyền truy cập premium đến ngày 6 tháng 1, 2027.",
    ],
  ])("%s: each level and the last change, dates in the language's long form", (language, text) => {
    expect(summaryOf(levels, language, granted)).toBe(text);
  });

  it.each<Language>(["zh-CN", "ja", "vi"])("%s: every status has its own sentence with its date", (language) => {
    const statuses: Partial<AccessLevel>[] = [
      {},
      { store: "app_store" },
      { store: "app_store", renewal_cancelled_at: "2026-11-20T10:00:00Z" },
      { cancellation_reason: "adapty_revoked" },
      { starts_at: "2026-12-10T10:00:00Z" },
      { store: "app_store", billing_issue_detected_at: "2026-12-01T10:00:00Z" },
    ];
    const date = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "Europe/Berlin" }).format(
      Date.parse("2027-01-06T10:00:00Z"),
    );
    const sentences = statuses.map((fields) => summaryOf([level("premium", fields)], language));
    for (const sentence of sentences) expect(sentence).toContain(date);
    expect(new Set(sentences).size).toBe(statuses.length);
    expect(summaryOf([], language)).not.toContain("{");
  });
});

describe("the locale the dates are written in", () => {
  it("is the console's regional one for the console's language, else the chosen language's", () => {
    expect(replyLocale("en", "en-GB")).toBe("en-GB");
    expect(replyLocale("ja", "en-GB")).toBe("ja");
    expect(replyLocale("zh-CN", "zh-CN")).toBe("zh-CN");
  });
});
