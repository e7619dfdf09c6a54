import type { PolicyLimit } from "@/lib/policy/evaluate";

/** A request for approval as the queue shows it (plain data: it crosses to the browser). */
export interface ApprovalView {
  id: string;
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
