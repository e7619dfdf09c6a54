import type { PolicyLimit } from "@/lib/policy/evaluate";

/** The bulk batch a request asks to start (its approval request's params). */
export interface BatchAsked {
  batchId: string;
  fileName: string;
  rows: number;
}

/** A request for approval as the queue shows it (plain data: it crosses to the browser). */
export interface ApprovalView {
  id: string;
  /** What is asked: a grant, or to start a bulk batch (then `batch` names it and the grant's fields are empty). */
  kind: "grant" | "bulk";
  batch: BatchAsked | null;
  requestedByEmail: string;
  /** The viewer asked for it themselves: another admin must decide. */
  own: boolean;
  profileId: string | null;
  customerUserId: string | null;
  accessLevelId: string;
  startsAt: string | null;
  /** null: lifetime. */
  endsAt: string | null;
  exceeds: PolicyLimit[];
  reason: string;
  ticket: string | null;
  status: "pending" | "approved" | "declined" | "expired";
  requestedAt: string;
  expiresAt: string;
  decidedByEmail: string | null;
  decidedAt: string | null;
  comment: string | null;
  auditEventId: number | null;
}
