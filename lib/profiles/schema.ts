import { z } from "zod";
import { reason, ticket } from "@/lib/access/schema";

// The profile request (create and edit), from Adapty's OpenAPI file `ProfileRequest`, plus
// the limits its prose states (30 attributes; keys of letters, digits, "-", "." and "_"
// up to 30; values up to 50 characters). One schema for the form and the server action.
// Messages are keys of the ProfileForm.errors catalogue.

export const MAX_ATTRIBUTES = 30;
export const MAX_KEY_LENGTH = 30;
export const MAX_VALUE_LENGTH = 50;
export const GENDERS = ["f", "m", "o"] as const;
export const STORES = ["app_store", "play_store", "stripe", "adapty", "paddle"] as const;
export const ATT_STATUSES = [0, 1, 2, 3] as const;
export const PLATFORMS = ["iOS", "macOS", "iPadOS", "Android", "visionOS", "web"] as const;

const text = (max: number) => z.string().trim().max(max, "tooLong");
const optionalText = (max: number) => text(max).optional();
const country = z
  .union([
    z.literal(""),
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "countryInvalid"),
  ])
  .optional();

export const attributeSchema = z
  .object({
    key: z
      .string()
      .min(1, "keyRequired")
      .max(MAX_KEY_LENGTH, "keyTooLong")
      .regex(/^[A-Za-z0-9._-]+$/, "keyInvalid"),
    type: z.enum(["string", "number"]),
    value: z.string().max(MAX_VALUE_LENGTH, "valueTooLong"),
  })
  .superRefine((attribute, context) => {
    if (attribute.type === "number" && (attribute.value.trim() === "" || !Number.isFinite(Number(attribute.value)))) {
      context.addIssue({ code: "custom", path: ["value"], message: "valueNotNumber" });
    }
    if (attribute.type === "string" && attribute.value === "")
      context.addIssue({ code: "custom", path: ["value"], message: "valueRequired" });
  });

/** A key a row above already has: one value per key, so the second occurrence is refused. */
const attributesSchema = z
  .array(attributeSchema)
  .max(MAX_ATTRIBUTES, "tooManyAttributes")
  .superRefine((attributes, context) => {
    const seen = new Set<string>();
    attributes.forEach(({ key }, index) => {
      if (seen.has(key)) context.addIssue({ code: "custom", path: [index, "key"], message: "keyDuplicate" });
      seen.add(key);
    });
  });

export const profileFieldsSchema = z.object({
  first_name: optionalText(100),
  last_name: optionalText(100),
  gender: z.enum(GENDERS, "choiceInvalid").optional(),
  email: z.union([z.literal(""), z.email("emailInvalid").max(320, "tooLong")]).optional(),
  phone_number: z.union([z.literal(""), z.string().regex(/^\+?[0-9][0-9 ()-]{3,24}$/, "phoneInvalid")]).optional(),
  birthday: z.union([z.literal(""), z.iso.date("dateInvalid")]).optional(),
  ip_country: country,
  ip_v4_address: z.union([z.literal(""), z.ipv4("ipInvalid")]).optional(),
  store_country: country,
  store: z.enum(STORES, "choiceInvalid").optional(),
  store_account_token: z.union([z.literal(""), z.uuid("uuidInvalid")]).optional(),
  att_status: z.coerce
    .number()
    .pipe(
      z.union(
        ATT_STATUSES.map((n) => z.literal(n)),
        "choiceInvalid",
      ),
    )
    .optional(),
  analytics_disabled: z.boolean().optional(),
  custom_attributes: attributesSchema.default([]),
  installation_meta: z
    .object({
      device_id: z.uuid("uuidInvalid"),
      device: optionalText(200),
      locale: optionalText(50),
      os: optionalText(100),
      platform: z.enum(PLATFORMS, "choiceInvalid").optional(),
      timezone: optionalText(100),
      user_agent: optionalText(500),
      app_build: optionalText(50),
      app_version: optionalText(50),
      adapty_sdk_version: optionalText(50),
      idfa: optionalText(100),
      idfv: optionalText(100),
      advertising_id: optionalText(100),
      android_id: optionalText(100),
      android_app_set_id: optionalText(100),
    })
    .optional(),
});

export const createProfileSchema = profileFieldsSchema.extend({
  customer_user_id: z.union([
    z.literal(""),
    z
      .string()
      .trim()
      .min(1)
      .max(500, "tooLong")
      .regex(/^[^\u0000-\u001f\u007f]+$/, "idInvalid"),
  ]),
  idempotencyKey: z.uuid(),
});

/** An edit also says why (kept in the audit log, with the ticket it was made under). */
export const updateProfileSchema = profileFieldsSchema
  .extend({
    profileId: z.uuid(),
    /** Keys of custom attributes to remove. */
    removed_attributes: z.array(z.string().max(MAX_KEY_LENGTH)).max(MAX_ATTRIBUTES).default([]),
    reason,
    ticket,
    idempotencyKey: z.uuid(),
  })
  .superRefine((edit, context) => {
    // A key both set and removed would lose one of the two silently.
    edit.custom_attributes.forEach(({ key }, index) => {
      if (edit.removed_attributes.includes(key))
        context.addIssue({ code: "custom", path: ["custom_attributes", index, "key"], message: "keyDuplicate" });
    });
  });

/** Admins only: the customer's id typed out confirms it, and a reason says why. */
export const deleteProfileSchema = z.object({
  profileId: z.uuid(),
  confirmation: z.string().max(500),
  reason,
  ticket,
  idempotencyKey: z.uuid(),
});

export type ProfileFormValues = z.input<typeof createProfileSchema>;
export type DeleteProfileInput = z.input<typeof deleteProfileSchema>;
export type ProfileFields = z.output<typeof profileFieldsSchema>;

/** The request body Adapty expects: empty fields left out, attribute values typed. */
export function toAdaptyFields(fields: ProfileFields) {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!(name in profileFieldsSchema.shape)) continue; // not a profile field (ids, keys)
    if (name === "custom_attributes" || name === "installation_meta" || value === undefined || value === "") continue;
    body[name] = value;
  }
  if (fields.custom_attributes.length > 0) {
    body.custom_attributes = fields.custom_attributes.map(({ key, type, value }) => ({
      key,
      value: type === "number" ? Number(value) : value,
    }));
  }
  if (fields.installation_meta) {
    body.installation_meta = Object.fromEntries(
      Object.entries(fields.installation_meta).filter(([, value]) => value !== undefined && value !== ""),
    );
  }
  return body;
}
