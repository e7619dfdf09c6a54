import { describe, expect, it } from "vitest";
import { parseAdaptyWebhookTime } from "./time";

describe("parseAdaptyWebhookTime", () => {
  it.each([
    ["2020-07-10T15:00:00.000000+0000", "2020-07-10T15:00:00.000Z"],
    ["2020-07-10T15:00:00.123456+0000", "2020-07-10T15:00:00.123Z"],
    ["2020-07-10T17:00:00.5+0200", "2020-07-10T15:00:00.500Z"],
    ["2020-07-10T15:00:00+00:00", "2020-07-10T15:00:00.000Z"],
    ["2020-07-10T15:00:00Z", "2020-07-10T15:00:00.000Z"],
    ["2020-07-10 15:00:00", "2020-07-10T15:00:00.000Z"],
    ["2020-07-10T10:00:00-05", "2020-07-10T15:00:00.000Z"],
    ["2020-07-10T15:00", "2020-07-10T15:00:00.000Z"],
  ])("reads %s", (value, iso) => {
    expect(parseAdaptyWebhookTime(value)?.toISOString()).toBe(iso);
  });

  it.each(["", "2020-07-10", "2020-02-30T00:00:00Z", "2020-07-10T25:00:00Z", "tomorrow", "1594393200"])(
    "refuses %j",
    (value) => {
      expect(parseAdaptyWebhookTime(value)).toBeUndefined();
    },
  );
});
