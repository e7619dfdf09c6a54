import { z } from "zod";
import { ROLES } from "@/lib/staff/roles";

// One schema per staff form, used by the form in the browser and checked again by the
// server action. Messages are catalogue keys (Validation namespace), not English.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

const email = z.string().trim().toLowerCase().max(320, "emailTooLong").pipe(z.email("emailInvalid"));
const password = z.string().min(PASSWORD_MIN, "passwordTooShort").max(PASSWORD_MAX, "passwordTooLong");
const staffId = z.uuid("staffIdInvalid");
const role = z.enum(ROLES, "roleInvalid");

export const addStaffSchema = z.object({
  email,
  role,
  /** Empty: the person signs in only through single sign-on. */
  password: z.union([z.literal(""), password]).default(""),
});

export const changeRoleSchema = z.object({ staffId, role });
export const setEnabledSchema = z.object({ staffId, enabled: z.boolean() });
export const resetPasswordSchema = z.object({ staffId, password });

export type AddStaffInput = z.input<typeof addStaffSchema>;
