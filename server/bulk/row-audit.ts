import "server-only";
import type { BulkRequest } from "@/lib/bulk/request";
import { getAuditLog } from "@/server/audit";
import type { AuditRow } from "@/server/audit/log";
import type { Staff } from "@/server/auth/require-staff";

// The audit row of a bulk row that never reached auditedChange(): refused by the console's
// rules, or failed before anything was sent (no such customer, Adapty unreadable). Written
// with the row's key, batch and line, so a restarted console finds it and never sends again.

export const actionOf = (request: BulkRequest) =>
  request.action === "grant" ? ("access_level.granted" as const) : ("access_level.revoked" as const);

export const paramsOf = (request: BulkRequest) =>
  request.action === "grant"
    ? { access_level_id: request.accessLevelId, starts_at: request.startsAt, expires_at: request.expiresAt }
    : { access_level_id: request.accessLevelId, revoke_at: request.revokeAt };

/** The row's audit row, written by auditedChange() or by recordRowOutcome(); undefined when it has none. */
export async function rowAuditRow(key: string): Promise<AuditRow | undefined> {
  return (await getAuditLog()).findByIdempotencyKey(key);
}

/** Not found by a customer lookup: recorded as a failed change with Adapty's 404. */
export const NOT_FOUND_STATUS = 404;

export async function recordRowOutcome(row: {
  starter: Staff;
  batchId: string;
  line: number;
  key: string;
  request: BulkRequest;
  target: { profileId?: string; customerUserId?: string };
  outcome: "refused" | "failed";
  detail: string;
  adapty?: { status?: number; errorCode?: string; requestId?: string };
}): Promise<number | undefined> {
  const log = await getAuditLog();
  await log.record({
    actor: row.starter,
    action: actionOf(row.request),
    target: row.target,
    params: paramsOf(row.request),
    reason: row.request.reason,
    ticket: row.request.ticket ?? null,
    outcome: row.outcome,
    adaptyStatus: row.adapty?.status,
    adaptyErrorCode: row.adapty?.errorCode,
    adaptyRequestId: row.adapty?.requestId,
    detail: row.detail,
    batch: { id: row.batchId, line: row.line },
    idempotencyKey: row.key,
    context: { clientAddress: "background", userAgent: `bulk batch ${row.batchId}` },
  });
  return (await log.findByIdempotencyKey(row.key))?.id;
}
