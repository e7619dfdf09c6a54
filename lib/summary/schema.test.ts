import { describe, expect, it } from "vitest";
import { replySummarySchema } from "./schema";

const valid = { profileId: "9c1e5a70-0000-4000-8000-000000000001", locale: "vi", includeLastChange: false };

describe("what the reply summary may be asked for", () => {
  it("takes one of the console's four languages", () => {
    expect(replySummarySchema.safeParse(valid).success).toBe(true);
  });

  it.each(["fr", "zh-TW", "EN", "", "en-GB"])("refuses the language %j", (locale) => {
    expect(replySummarySchema.safeParse({ ...valid, locale }).success).toBe(false);
  });

  it("refuses a profile id that is not one", () => {
    expect(replySummarySchema.safeParse({ ...valid, profileId: "../etc" }).success).toBe(false);
  });
});
