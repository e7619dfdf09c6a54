import { z } from "zod";
import { settingsSchema, type GrantingRole, type RolePolicy, type Settings } from "./settings";

// The Settings page's form: numbers as the inputs hold them (text; empty means "no limit"),
// levels as a choice of "any" or a list. Converted to Settings, and checked with its schema.

const optionalWhole = z
  .string()
  .trim()
  .regex(/^\d{0,6}$/, "wholeNumber");
const requiredWhole = z
  .string()
  .trim()
  .regex(/^\d{1,6}$/, "wholeNumber");

const roleFields = z.object({
  maxDays: optionalWhole,
  lifetime: z.boolean(),
  anyLevel: z.boolean(),
  levels: z.array(z.string()),
  dailyCap: optionalWhole,
});

const formShape = z.object({
  agent: roleFields,
  admin: roleFields,
  approvalHours: requiredWhole,
  undoHours: requiredWhole,
  batchRowsWithoutApproval: requiredWhole,
});
export type SettingsFormValues = z.infer<typeof formShape>;

const limit = (value: string) => (value.trim() === "" ? null : Number(value));

function roleFrom(values: SettingsFormValues[GrantingRole]): RolePolicy {
  return {
    maxDays: limit(values.maxDays),
    lifetime: values.lifetime,
    levels: values.anyLevel ? null : values.levels,
    dailyCap: limit(values.dailyCap),
  };
}

export const settingsFrom = (values: SettingsFormValues): Settings => ({
  policy: { agent: roleFrom(values.agent), admin: roleFrom(values.admin) },
  approvalHours: Number(values.approvalHours),
  undoHours: Number(values.undoHours),
  batchRowsWithoutApproval: Number(values.batchRowsWithoutApproval),
});

const roleValues = (policy: RolePolicy): SettingsFormValues[GrantingRole] => ({
  maxDays: policy.maxDays === null ? "" : String(policy.maxDays),
  lifetime: policy.lifetime,
  anyLevel: policy.levels === null,
  levels: policy.levels ?? [],
  dailyCap: policy.dailyCap === null ? "" : String(policy.dailyCap),
});

export const settingsFormValues = (settings: Settings): SettingsFormValues => ({
  agent: roleValues(settings.policy.agent),
  admin: roleValues(settings.policy.admin),
  approvalHours: String(settings.approvalHours),
  undoHours: String(settings.undoHours),
  batchRowsWithoutApproval: String(settings.batchRowsWithoutApproval),
});

/** The form's schema: each value as typed, then the whole as the saved settings would be, errors on their fields. */
export const settingsFormSchema = formShape.superRefine((values, context) => {
  const parsed = settingsSchema.safeParse(settingsFrom(values));
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    const path = issue.path[0] === "policy" ? issue.path.slice(1) : issue.path;
    context.addIssue({ code: "custom", path, message: issue.message });
  }
});
