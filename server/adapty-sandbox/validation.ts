import "server-only";
import { validateAgainst, type SchemaIssue } from "@/server/adapty/openapi/spec";
import type { ErrorEntry } from "./responses";

// Limits Adapty states only in prose (the schema carries just the key's maxLength).
export const MAX_CUSTOM_ATTRIBUTES = 30;
export const MAX_ATTRIBUTE_KEY_LENGTH = 30;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 50;
const ATTRIBUTE_KEY = /^[A-Za-z0-9._-]+$/;

/** Messages in the words Django REST Framework uses, which Adapty's server speaks. */
function readable(issue: SchemaIssue): string {
  const message = issue.message;
  if (message.includes('format "email"')) return "Enter a valid email address.";
  if (message.includes('format "date"')) return "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
  if (message.includes('format "date-time"'))
    return "Datetime has wrong format. Use ISO 8601, for example 2024-01-01T00:00:00+00:00.";
  if (message.includes('format "uuid"')) return "Must be a valid UUID.";
  if (message.startsWith("must be equal to one of the allowed values")) return "Not a valid choice.";
  if (message.startsWith("must NOT have more than"))
    return message.replace("must NOT have more than", "Ensure this field has no more than") + ".";
  if (message.startsWith("must be")) return `Must be ${message.slice("must be ".length)}.`;
  return message;
}

/** Schema issues grouped by field, one entry per field, as Adapty reports them. */
export function toErrorEntries(issues: SchemaIssue[]): ErrorEntry[] {
  const bySource = new Map<string, Set<string>>();
  for (const issue of issues) {
    // `oneOf` failures repeat themselves for each branch; one message is enough.
    if (issue.message.startsWith("must match exactly one schema")) continue;
    const source = issue.path || "non_field_errors";
    if (!bySource.has(source)) bySource.set(source, new Set());
    bySource.get(source)?.add(readable(issue));
  }
  return [...bySource].map(([source, messages]) => ({ source, errors: [...messages] }));
}

type Attribute = { key: unknown; value: unknown };

function attributeIssues(attributes: Attribute[]): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (attributes.length > MAX_CUSTOM_ATTRIBUTES) {
    issues.push({
      path: "custom_attributes",
      message: `Ensure this field has no more than ${MAX_CUSTOM_ATTRIBUTES} elements.`,
    });
  }
  attributes.forEach(({ key, value }, index) => {
    if (
      typeof key === "string" &&
      (key.length === 0 || key.length > MAX_ATTRIBUTE_KEY_LENGTH || !ATTRIBUTE_KEY.test(key))
    ) {
      issues.push({
        path: `custom_attributes.${index}.key`,
        message: `Key must be 1 to ${MAX_ATTRIBUTE_KEY_LENGTH} letters, numbers, dashes, points or underscores.`,
      });
    }
    if (value === null) {
      issues.push({ path: `custom_attributes.${index}.value`, message: "This field may not be null." });
    }
    if ((typeof value === "string" || typeof value === "number") && String(value).length > MAX_ATTRIBUTE_VALUE_LENGTH) {
      issues.push({
        path: `custom_attributes.${index}.value`,
        message: `Ensure this value has no more than ${MAX_ATTRIBUTE_VALUE_LENGTH} characters.`,
      });
    }
    if (typeof value === "number" && !Number.isFinite(value)) {
      issues.push({ path: `custom_attributes.${index}.value`, message: "Must be a finite number." });
    }
  });
  return issues;
}

/**
 * Checks a create or update body against the ProfileRequest schema and the prose limits,
 * as the file has it: `installation_meta` is required on both, and a custom attribute's
 * value is a string or a number, never null. On update an empty string removes the key
 * (the docs' rule); docs/sandbox.md.
 */
export function validateProfileBody(body: unknown): ErrorEntry[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return [{ source: null, errors: ["Invalid data. Expected a dictionary."] }];
  }
  const record = body as Record<string, unknown>;
  const attributes = Array.isArray(record.custom_attributes) ? (record.custom_attributes as Attribute[]) : [];
  const result = validateAgainst("ProfileRequest", record);
  const issues = result.ok ? [] : result.issues;
  return toErrorEntries([...issues, ...attributeIssues(attributes.filter((a) => typeof a === "object" && a !== null))]);
}
