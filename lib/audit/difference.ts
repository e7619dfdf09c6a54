import { adaptyDate } from "@/lib/access/status";

// What an audit row's "before" and "after" say, field by field, for people: an access
// level's dates and flags, or a staff member's role and state. The raw JSON stays on the
// page beside it; this is the reading of it.

export type Shown =
  | { kind: "none" }
  | { kind: "text"; value: string }
  | { kind: "time"; value: Date }
  | { kind: "lifetime" }
  | { kind: "yesNo"; value: boolean }
  | { kind: "role"; value: string };

export const ACCESS_FIELDS = [
  "level",
  "starts",
  "expires",
  "willRenew",
  "renewalCancelled",
  "billingIssue",
  "gracePeriod",
  "store",
  "product",
] as const;
export const STAFF_FIELDS = ["email", "role", "enabled"] as const;
export type DifferenceField = (typeof ACCESS_FIELDS)[number] | (typeof STAFF_FIELDS)[number];

export interface DifferenceRow {
  field: DifferenceField;
  before: Shown;
  after: Shown;
  changed: boolean;
}

export interface Difference {
  kind: "access" | "staff";
  rows: DifferenceRow[];
}

type Recorded = Record<string, unknown>;
const record = (value: unknown): Recorded | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Recorded) : undefined;
const NONE: Shown = { kind: "none" };
const text = (value: unknown): Shown => (typeof value === "string" && value !== "" ? { kind: "text", value } : NONE);
const time = (value: unknown): Shown => {
  const date = typeof value === "string" ? adaptyDate(value) : null;
  return date ? { kind: "time", value: date } : NONE;
};

/** A hand-granted level (store "adapty") never renews; a store's renews until its renewal is cancelled. */
const willRenew = (level: Recorded) =>
  typeof level.expires_at === "string" && !level.renewal_cancelled_at && level.store !== "adapty";

function accessField(field: (typeof ACCESS_FIELDS)[number], level: Recorded | undefined): Shown {
  if (!level) return NONE;
  switch (field) {
    case "level":
      return text(level.access_level_id);
    case "starts":
      return time(level.starts_at);
    case "expires":
      return level.expires_at === null || level.expires_at === undefined
        ? { kind: "lifetime" }
        : time(level.expires_at);
    case "willRenew":
      return { kind: "yesNo", value: willRenew(level) };
    case "renewalCancelled":
      return time(level.renewal_cancelled_at);
    case "billingIssue":
      return time(level.billing_issue_detected_at);
    case "gracePeriod":
      return { kind: "yesNo", value: level.is_in_grace_period === true };
    case "store":
      return text(level.store);
    case "product":
      return text(level.store_product_id);
  }
}

function staffField(field: (typeof STAFF_FIELDS)[number], member: Recorded | undefined): Shown {
  if (!member) return NONE;
  if (field === "email") return text(member.email);
  if (field === "role") return typeof member.role === "string" ? { kind: "role", value: member.role } : NONE;
  return typeof member.enabled === "boolean" ? { kind: "yesNo", value: member.enabled } : NONE;
}

/** One comparable token per value: a time by its instant. */
const token = (shown: Shown) =>
  `${shown.kind}:${"value" in shown ? String(shown.value instanceof Date ? shown.value.getTime() : shown.value) : ""}`;

/** The row's before and after, field by field; undefined when neither is an access level or a staff member. */
export function differenceOf(action: string, before: unknown, after: unknown): Difference | undefined {
  const [b, a] = [record(before), record(after)];
  if (!b && !a) return undefined;
  const row = <F extends DifferenceField>(field: F, read: (field: F, value: Recorded | undefined) => Shown) => {
    const [was, is] = [read(field, b), read(field, a)];
    return { field, before: was, after: is, changed: token(was) !== token(is) };
  };
  if (action.startsWith("staff.")) return { kind: "staff", rows: STAFF_FIELDS.map((field) => row(field, staffField)) };
  if (action.startsWith("access_level."))
    return { kind: "access", rows: ACCESS_FIELDS.map((field) => row(field, accessField)) };
  return undefined;
}
