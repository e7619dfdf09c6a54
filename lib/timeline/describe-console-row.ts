// The sentence of one of the console's own audit rows: a grant or revoke says who, for
// which ticket, what level until when; any other row says its action and who.
import type { TimelineConsoleRow } from "./entries";
import { kindOfConsoleAction } from "./filters";

export type ConsoleChange =
  | { kind: "granted"; level: string; until: Date | null }
  | { kind: "revoked"; level: string; at: Date | null }
  | { kind: "other"; action: string };

const timeOf = (value: unknown) => {
  if (typeof value !== "string") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time);
};

export function describeConsoleRow(row: Pick<TimelineConsoleRow, "action" | "params">): ConsoleChange {
  const params = row.params ?? {};
  const level = typeof params.access_level_id === "string" ? params.access_level_id : "";
  if (kindOfConsoleAction(row.action) === "access")
    return row.action === "access_level.granted"
      ? { kind: "granted", level, until: timeOf(params.expires_at) }
      : { kind: "revoked", level, at: timeOf(params.revoke_at) };
  // Audit.actionName's select keys have underscores for dots.
  return { kind: "other", action: row.action.replaceAll(".", "_") };
}
