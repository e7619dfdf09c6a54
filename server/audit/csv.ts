import "server-only";
import { stringify } from "csv-stringify/sync";
import type { AuditRow } from "./log";

const COLUMNS: [string, (row: AuditRow) => unknown][] = [
  ["id", (r) => r.id],
  ["time_utc", (r) => r.occurredAt.toISOString()],
  ["actor_email", (r) => r.actorEmail],
  ["actor_role", (r) => r.actorRole],
  ["action", (r) => r.action],
  ["target_profile_id", (r) => r.targetProfileId],
  ["target_customer_user_id", (r) => r.targetCustomerUserId],
  ["reason", (r) => r.reason],
  ["ticket", (r) => r.ticket],
  ["outcome", (r) => r.outcome],
  ["adapty_status", (r) => r.adaptyStatus],
  ["adapty_error_code", (r) => r.adaptyErrorCode],
  ["adapty_request_id", (r) => r.adaptyRequestId],
  ["detail", (r) => r.detail],
  ["params", (r) => r.params],
  ["access_before", (r) => r.accessBefore],
  ["access_after", (r) => r.accessAfter],
  ["client_address", (r) => r.clientAddress],
  ["user_agent", (r) => r.userAgent],
  ["duration_ms", (r) => r.durationMs],
  ["idempotency_key", (r) => r.idempotencyKey],
  ["completed_at_utc", (r) => r.completedAt?.toISOString()],
  ["settled_at_utc", (r) => r.settledAt?.toISOString()],
];

const cell = (value: unknown) =>
  value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : value;

/**
 * Rows as CSV. Cells that a spreadsheet would run as a formula (=, +, -, @ …) are
 * escaped, because customer ids and reasons are typed by people outside our control.
 */
export function auditCsv(rows: AuditRow[], withHeader: boolean): string {
  return stringify(
    rows.map((row) => COLUMNS.map(([, read]) => cell(read(row)))),
    { header: withHeader, columns: COLUMNS.map(([name]) => name), escape_formulas: true },
  );
}
