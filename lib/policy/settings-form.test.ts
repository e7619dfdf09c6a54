import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings";
import { settingsFormSchema, settingsFormValues, settingsFrom } from "./settings-form";

describe("the settings form", () => {
  it("gives back the settings it was filled from", () => {
    expect(settingsFrom(settingsFormValues(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  it("reads an empty limit as no limit, and a list of levels when not any", () => {
    const values = settingsFormValues(DEFAULT_SETTINGS);
    values.agent = { ...values.agent, maxDays: " ", dailyCap: "", anyLevel: false, levels: ["premium"] };
    expect(settingsFrom(values).policy.agent).toEqual({
      maxDays: null,
      dailyCap: null,
      lifetime: false,
      levels: ["premium"],
    });
  });

  it("puts each problem on its field", () => {
    const values = settingsFormValues(DEFAULT_SETTINGS);
    values.agent.maxDays = "0";
    values.admin.dailyCap = "1.5";
    values.undoHours = "";
    const result = settingsFormSchema.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["admin.dailyCap", "undoHours"]));
    const again = settingsFormSchema.safeParse({
      ...settingsFormValues(DEFAULT_SETTINGS),
      agent: { ...values.agent, maxDays: "0" },
    });
    expect(again.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["agent.maxDays", "atLeastOne"],
    ]);
  });
});
