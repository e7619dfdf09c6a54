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

  it("only creating names the customer; only editing asks why", () => {
    const values = { customer_user_id: "ana", custom_attributes: [], reason: "asked by the customer", ticket: "" };
    expect(profileFormSchema("create").parse(values)).toMatchObject({ customer_user_id: "ana" });
    expect(profileFormSchema("create").parse(values)).not.toHaveProperty("reason");
    expect(profileFormSchema("edit").parse(values)).not.toHaveProperty("customer_user_id");
    expect(profileFormSchema("edit").parse(values)).toMatchObject({ reason: "asked by the customer" });
    expect(profileFormSchema("edit").safeParse({ ...values, reason: "" }).success).toBe(false);
  });
});
