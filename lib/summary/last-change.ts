import { adaptyDate } from "@/lib/access/status";

/** The newest grant or revoke the console made for a customer, as the summary tells it. */
export interface LastChange {
  kind: "granted" | "revoked";
  at: Date;
  accessLevelId: string;
  /** When the access granted ends (null: no end), or when the revoke takes effect (`at` when at once). */
  endsAt: Date | null;
}

/** The parts of an audit row the sentence is made from (server/audit writes them). */
export interface AccessChangeRow {
  action: string;
  occurredAt: Date;
  params: unknown;
  accessAfter: unknown;
}

const field = (value: unknown, name: string): unknown =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * The change an audit row records, or null for a row that is not a grant or revoke. A grant's
 * end is what Adapty held afterwards (`access_after`), which is what the customer has, else
 * what was asked; a revoke's is the time it was asked for (none: at once, when the row was written).
 */
export function lastChangeOf(row: AccessChangeRow): LastChange | null {
  const kind =
    row.action === "access_level.granted" ? "granted" : row.action === "access_level.revoked" ? "revoked" : null;
  const accessLevelId = text(field(row.params, "access_level_id"));
  if (!kind || !accessLevelId) return null;
  if (kind === "revoked") {
    const endsAt = adaptyDate(text(field(row.params, "revoke_at"))) ?? row.occurredAt;
    return { kind, at: row.occurredAt, accessLevelId, endsAt };
  }
  const held = field(row.accessAfter, "expires_at");
  const endsAt = adaptyDate(held === undefined ? text(field(row.params, "expires_at")) : text(held));
  return { kind, at: row.occurredAt, accessLevelId, endsAt };
}
