import type { Message } from "@/lib/change/outcome";

// The columns a bulk file may have. The header names them in any order and case; a
// column this console does not read refuses the whole file, because a misspelt
// "expires_at" would otherwise turn every row into a lifetime grant without a word.
export const COLUMNS = [
  "customer_user_id",
  "profile_id",
  "access_level_id",
  "action",
  "expires_at",
  "duration",
  "starts_at",
  "revoke_at",
  "reason",
  "ticket",
] as const;

export type Column = (typeof COLUMNS)[number];

const KNOWN = new Set<string>(COLUMNS);

/** The header's names as the rows are keyed by (trimmed, lower case), or why the file cannot be read. */
export function readHeader(cells: string[]): { columns: Column[] } | { error: Message } {
  const columns = cells.map((cell) => cell.trim().toLowerCase());
  const blank = columns.indexOf("");
  if (blank >= 0) return { error: { key: "BulkFile.fileErrors.blankColumn", values: { position: blank + 1 } } };
  const unknown = columns.filter((column) => !KNOWN.has(column));
  if (unknown.length > 0)
    return {
      error: {
        key: "BulkFile.fileErrors.unknownColumn",
        values: { count: unknown.length, columns: unknown.map((column) => bounded(column, 40)).join(", ") },
      },
    };
  const repeated = columns.find((column, index) => columns.indexOf(column) !== index);
  if (repeated) return { error: { key: "BulkFile.fileErrors.repeatedColumn", values: { column: repeated } } };
  if (!columns.includes("customer_user_id") && !columns.includes("profile_id"))
    return { error: "BulkFile.fileErrors.noCustomerColumn" };
  if (!columns.includes("access_level_id"))
    return { error: { key: "BulkFile.fileErrors.missingColumn", values: { column: "access_level_id" } } };
  return { columns: columns as Column[] };
}

/** What a row problem says: a BulkFile.rowErrors key, the column it is in, and the cell's value (cut short). */
export function rowProblem(key: string, column: Column, value?: string): Message {
  const values: Record<string, string> = { column };
  if (value !== undefined) values.value = bounded(value);
  return { key: `BulkFile.rowErrors.${key}`, values };
}

/** A value quoted back in a message, cut short so one wild cell cannot flood the page. */
function bounded(value: string, length = 60): string {
  return value.length > length ? `${value.slice(0, length)}…` : value;
}
