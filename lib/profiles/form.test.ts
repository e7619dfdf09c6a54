import { describe, expect, it } from "vitest";
import { attributeChanges, attributeRows, profileFormSchema } from "./form";

describe("the profile form", () => {
  it("holds attributes as typed rows", () => {
    expect(
      attributeRows([
        { key: "level", value: 12 },
        { key: "sport", value: "yoga" },
      ]),
    ).toEqual([
      { key: "level", type: "number", value: "12" },
      { key: "sport", type: "string", value: "yoga" },
    ]);
  });

  it("an edit sends only new or changed attributes, and the keys removed", () => {
    const initial = attributeRows([
      { key: "level", value: 12 },
      { key: "sport", value: "yoga" },
    ]);
    const rows = [
      { key: "sport", type: "string" as const, value: "yoga" },
      { key: "team", type: "string" as const, value: "red" },
    ];
    expect(attributeChanges(rows, initial)).toEqual({ removed_attributes: ["level"], custom_attributes: [rows[1]] });
  });

  it("only creating names the customer", () => {
    const values = { customer_user_id: "ana", custom_attributes: [] };
    expect(profileFormSchema("create").parse(values)).toMatchObject({ customer_user_id: "ana" });
    expect(profileFormSchema("edit").parse(values)).not.toHaveProperty("customer_user_id");
  });
});
