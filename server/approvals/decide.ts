import "server-only";
import type { ChangeOutcome, Message } from "@/lib/change/outcome";
import { auditedChange } from "@/server/audit/audited-change";
import { can } from "@/server/auth/permissions";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { staff as staffTable } from "@/server/db/schema";
import { eq } from "drizzle-orm";
import { decideRequest, findRequest, type ApprovalRow } from "./store";

// What an admin's decision is checked against before the conditional update decides it
// (the update checks status, expiry and "not your own" again, atomically).

/** Thrown inside the audited decision when another admin decided first, or the request expired meanwhile. */
export class ApprovalGoneError extends Error {
  override name = "ApprovalGoneError";
}

const approvalRefusal = (failure: { errorName?: string }): Message | undefined =>
  failure.errorName === "ApprovalGoneError" ? "Approvals.errors.decided" : undefined;

/**
 * An admin's decision, through the write-ahead audit trail: the row is written, then the one
 * conditional update decides; if another admin decided first (or it expired), it is refused.
 */
export async function auditedDecision(
  decider: Staff,
  request: ApprovalRow,
  status: "approved" | "declined",
  comment: string | undefined,
): Promise<ChangeOutcome> {
  const db = await getDb();
  return auditedChange({
    actor: decider,
    action: status === "approved" ? "approval.approved" : "approval.declined",
    target: { profileId: request.profileId, customerUserId: request.customerUserId },
    params: { requestId: request.id, requestedBy: request.requestedByEmail, ...(request.params as object) },
    reason: comment ?? null,
    ticket: request.ticket,
    send: async () => {
      const row = await decideRequest(db, request.id, decider, status, comment);
      if (!row) throw new ApprovalGoneError("Decided or expired meanwhile.");
      return { value: row };
    },
    describeAfter: (row) => ({ status: row.status, decidedBy: row.decidedByEmail }),
    answer: () => null,
    refusal: approvalRefusal,
  });
}

/**
 * Declines a pending request of this kind (a grant, or a bulk batch, whose own action then
 * ends the batch): the decision and its audit row; the request, when it was declined.
 */
export async function declineOfKind(
  kind: "grant" | "bulk",
  requestId: string,
  decider: Staff,
  comment: string,
): Promise<{ outcome: ChangeOutcome; request?: ApprovalRow }> {
  const found = await decidableRequest(requestId, decider);
  if ("refusal" in found) return { outcome: { outcome: "refused", message: found.refusal } };
  // Each kind is decided by its own actions: a grant here, a bulk batch in server/bulk/decide-batch.ts.
  if (found.request.kind !== kind) return { outcome: { outcome: "refused", message: "Approvals.errors.notFound" } };
  const outcome = await auditedDecision(decider, found.request, "declined", comment);
  return { outcome, request: outcome.outcome === "succeeded" ? found.request : undefined };
}

/** The pending request `decider` may decide, or the reason they may not. */
export async function decidableRequest(
  requestId: string,
  decider: Staff,
): Promise<{ request: ApprovalRow } | { refusal: Message }> {
  const request = await findRequest(await getDb(), requestId);
  if (!request) return { refusal: "Approvals.errors.notFound" };
  if (request.requestedById === decider.id) return { refusal: "Approvals.errors.ownRequest" };
  if (request.status !== "pending" || request.expiresAt.getTime() <= Date.now())
    return { refusal: "Approvals.errors.decided" };
  return { request };
}

/** The requester as they are now: an approval runs as them, so they must still be an enabled member who may grant. */
export async function requesterOf(request: ApprovalRow): Promise<Staff | undefined> {
  const [member] = await (await getDb()).select().from(staffTable).where(eq(staffTable.id, request.requestedById));
  if (!member?.enabled || !can(member.role, "access.grant")) return undefined;
  return { id: member.id, email: member.email, role: member.role, displayName: member.displayName, language: null };
}
