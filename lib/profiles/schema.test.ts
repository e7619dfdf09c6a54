import { describe, expect, it } from "vitest";
import { createProfileSchema, deleteProfileSchema, toAdaptyFields, updateProfileSchema } from "./schema";

const base = { customer_user_id: "jane", idempotencyKey: "5f0e7d2c-1b3a-4c5d-8e9f-0a1b2c3d4e5f" };
const attributes = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ key: `k${i}`, type: "string" as const, value: "v" }));
const errors = (input: Record<string, unknown>) => {
  const result = createProfileSchema.safeParse({ ...base, ...input });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
};

describe("profile schema at its limits", () => {
  it("takes 30 attributes and refuses 31", () => {
    expect(errors({ custom_attributes: attributes(30) })).toEqual([]);
    expect(errors({ custom_attributes: attributes(31) })).toEqual(["custom_attributes:tooManyAttributes"]);
  });
  it("takes keys of 30 characters, refuses 31, spaces and #", () => {
    expect(errors({ custom_attributes: [{ key: "k".repeat(30), type: "string", value: "v" }] })).toEqual([]);
    expect(errors({ custom_attributes: [{ key: "k".repeat(31), type: "string", value: "v" }] })).toEqual([
      "custom_attributes.0.key:keyTooLong",
    ]);
    expect(errors({ custom_attributes: [{ key: "has space", type: "string", value: "v" }] })).toEqual([
      "custom_attributes.0.key:keyInvalid",
    ]);
    expect(errors({ custom_attributes: [{ key: "hash#tag", type: "string", value: "v" }] })).toEqual([
      "custom_attributes.0.key:keyInvalid",
    ]);
    expect(errors({ custom_attributes: [{ key: "a.b-c_d", type: "string", value: "v" }] })).toEqual([]);
  });
  it("takes values of 50 characters, refuses 51, and checks numbers", () => {
    expect(errors({ custom_attributes: [{ key: "k", type: "string", value: "v".repeat(50) }] })).toEqual([]);
    expect(errors({ custom_attributes: [{ key: "k", type: "string", value: "v".repeat(51) }] })).toEqual([
      "custom_attributes.0.value:valueTooLong",
    ]);
    expect(errors({ custom_attributes: [{ key: "k", type: "number", value: "12.5" }] })).toEqual([]);
    expect(errors({ custom_attributes: [{ key: "k", type: "number", value: "twelve" }] })).toEqual([
      "custom_attributes.0.value:valueNotNumber",
    ]);
  });
  it("refuses a bad email, a bad date, a bad UUID", () => {
    expect(errors({ email: "not-an-email" })).toEqual(["email:emailInvalid"]);
    expect(errors({ birthday: "2000-02-30" })).toEqual(["birthday:dateInvalid"]);
    expect(errors({ store_account_token: "nope" })).toEqual(["store_account_token:uuidInvalid"]);
    expect(errors({ installation_meta: { device_id: "nope" } })).toEqual(["installation_meta.device_id:uuidInvalid"]);
  });
  it("leaves every optional field empty, as a blank form does", () => {
    expect(
      errors({
        first_name: "",
        email: "",
        phone_number: "",
        birthday: "",
        ip_country: "",
        store_country: "",
        ip_v4_address: "",
        store_account_token: "",
      }),
    ).toEqual([]);
    expect(errors({ store_country: "es" })).toEqual([]);
    expect(errors({ store_country: "Spain" })).toEqual(["store_country:countryInvalid"]);
  });

  it("sends numbers as numbers and leaves empty fields out", () => {
    const parsed = createProfileSchema.parse({
      ...base,
      email: "",
      first_name: "Jane",
      att_status: "3",
      custom_attributes: [{ key: "score", type: "number", value: "7" }],
    });
    expect(toAdaptyFields(parsed)).toEqual({
      first_name: "Jane",
      att_status: 3,
      custom_attributes: [{ key: "score", value: 7 }],
    });
  });
});

describe("keys, reasons and tickets", () => {
  const row = (key: string, value = "v") => ({ key, type: "string" as const, value });
  const edit = { profileId: "9c1e5a70-0000-4000-8000-000000000002", idempotencyKey: base.idempotencyKey };
  const editErrors = (input: Record<string, unknown>) => {
    const result = updateProfileSchema.safeParse({ ...edit, reason: "asked by the customer", ...input });
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
  };

  it("refuses a key used twice, on its second occurrence", () => {
    expect(errors({ custom_attributes: [row("sport"), row("team"), row("sport", "tennis")] })).toEqual([
      "custom_attributes.2.key:keyDuplicate",
    ]);
    expect(editErrors({ custom_attributes: [row("team"), row("team", "blue")] })).toEqual([
      "custom_attributes.1.key:keyDuplicate",
    ]);
  });

  it("says so beside other mistakes in the rows", () => {
    expect(errors({ custom_attributes: [row("sport"), row("sport"), row("bad key")] })).toEqual([
      "custom_attributes.2.key:keyInvalid",
      "custom_attributes.1.key:keyDuplicate",
    ]);
  });

  it("refuses an edit that both sets and removes a key", () => {
    expect(editErrors({ custom_attributes: [row("team")], removed_attributes: ["team"] })).toEqual([
      "custom_attributes.0.key:keyDuplicate",
    ]);
  });

  it("an edit and a delete need a reason; a ticket is optional and checked", () => {
    expect(editErrors({ last_name: "Smith", reason: " " })).toEqual(["reason:reasonRequired"]);
    expect(editErrors({ last_name: "Smith", ticket: "ZD 1" })).toEqual(["ticket:ticketInvalid"]);
    expect(updateProfileSchema.parse({ ...edit, reason: "why", ticket: "" }).ticket).toBeUndefined();
    const remove = { profileId: edit.profileId, confirmation: "jane", idempotencyKey: base.idempotencyKey };
    expect(deleteProfileSchema.safeParse(remove).success).toBe(false);
    expect(deleteProfileSchema.parse({ ...remove, reason: "erasure", ticket: "ZD-1" })).toMatchObject({
      reason: "erasure",
      ticket: "ZD-1",
    });
  });
});
