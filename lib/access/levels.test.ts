import { describe, expect, it } from "vitest";
import { grantableLevels } from "./levels";

describe("grantableLevels", () => {
  it("offers the configured levels first, then the others the profile has or had, each once", () => {
    const profile = {
      access_levels: [
        { access_level_id: "premium" },
        { access_level_id: "pro" },
        { access_level_id: "ad_free" },
        { access_level_id: "premium_legacy" },
      ],
    };
    expect(grantableLevels(["premium", "gold"], profile)).toEqual([
      { id: "premium", configured: true },
      { id: "gold", configured: true },
      { id: "ad_free", configured: false },
      { id: "premium_legacy", configured: false },
      { id: "pro", configured: false },
    ]);
  });

  it("offers only the configured levels to a customer with none", () => {
    expect(grantableLevels(["premium"], { access_levels: [] })).toEqual([{ id: "premium", configured: true }]);
  });
});
