import type { AuditOutcome } from "@/lib/audit/actions";

/** One audit row as the browser shows it; the server's row (server/audit/log.ts) is assignable to it. */
export interface AuditEntry {
  id: number;
  occurredAt: Date;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetProfileId: string | null;
  targetCustomerUserId: string | null;
  params: unknown;
  reason: string | null;
  ticket: string | null;
  outcome: AuditOutcome;
  adaptyStatus: number | null;
  adaptyErrorCode: string | null;
  adaptyRequestId: string | null;
  detail: string | null;
  accessBefore: unknown;
  accessAfter: unknown;
  clientAddress: string | null;
  userAgent: string | null;
  durationMs: number | null;
  /** The admin who approved the change (four-eyes), beside the actor who asked. */
  approvedByEmail: string | null;
  /** The row this one undoes (an undo of a grant or revoke). */
  undoesEventId?: number | null;
  /** The bulk batch this change is a row of (or, for batch.* rows, the batch itself), and its line in the file. */
  batchId?: string | null;
  batchLine?: number | null;
}
