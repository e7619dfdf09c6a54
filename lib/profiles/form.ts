import type { z } from "zod";
import { createProfileSchema, profileFieldsSchema, updateProfileSchema } from "@/lib/profiles/schema";

// The profile form's values and the requests they make: create sends them all, edit
// sends only what changed (a removed custom attribute by its key).

/** Create also names the customer; edit cannot change who the profile belongs to. */
const createFormSchema = profileFieldsSchema.extend({
  customer_user_id: createProfileSchema.shape.customer_user_id,
});

/** Edit also says why, and under which ticket (the audit log keeps both). */
const editFormSchema = profileFieldsSchema.extend({
  reason: updateProfileSchema.shape.reason,
  ticket: updateProfileSchema.shape.ticket,
});

/** What the agent types; the customer user id only when creating, the reason and ticket only when editing. */
export type ProfileFormInput = z.input<typeof profileFieldsSchema> & {
  customer_user_id?: string;
  reason?: string;
  ticket?: string;
};
/** The same, checked and normalised by the schema (trimmed, upper-cased countries, typed selections). */
export type ProfileFormOutput = z.output<typeof profileFieldsSchema> & {
  customer_user_id?: string;
  reason?: string;
  ticket?: string;
};

export const profileFormSchema = (mode: "create" | "edit"): z.ZodType<ProfileFormOutput, ProfileFormInput> =>
  mode === "create" ? createFormSchema : editFormSchema;

export interface AttributeRow {
  key: string;
  type: "string" | "number";
  value: string;
}

/** A profile's custom attributes as the form's rows. */
export const attributeRows = (attributes: { key: string; value: string | number }[]): AttributeRow[] =>
  attributes.map(({ key, value }) => ({
    key,
    type: typeof value === "number" ? "number" : "string",
    value: String(value),
  }));

/** An edit's attributes: the keys removed, and only the rows that are new or changed. */
export function attributeChanges(rows: AttributeRow[], initial: AttributeRow[]) {
  return {
    removed_attributes: initial.map((a) => a.key).filter((key) => !rows.some((row) => row.key === key)),
    custom_attributes: rows.filter(
      (row) => !initial.some((a) => a.key === row.key && a.value === row.value && a.type === row.type),
    ),
  };
}
