import "server-only";
import type { ApprovalView, BatchAsked } from "@/lib/approvals/view";
import type { PolicyLimit } from "@/lib/policy/evaluate";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { listRequests, type ApprovalRow } from "./store";

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A bulk request's params name its batch; a grant's are the grant form's input. */
function batchOf(row: ApprovalRow): BatchAsked | null {
  if (row.kind !== "bulk") return null;
  const params = row.params as Partial<BatchAsked>;
  return {
    batchId: String(params.batchId ?? ""),
    fileName: String(params.fileName ?? ""),
    rows: Number(params.rows ?? 0),
  };
}

function viewOf(row: ApprovalRow, viewer: Staff): ApprovalView {
  const params = row.params as { accessLevelId?: string; startsAt?: string | null; expiresAt?: string | null };
  return {
    id: row.id,
    kind: row.kind === "bulk" ? "bulk" : "grant",
    batch: batchOf(row),
    requestedByEmail: row.requestedByEmail,
    own: row.requestedById === viewer.id,
    profileId: row.profileId,
    customerUserId: row.customerUserId,
    accessLevelId: params.accessLevelId ?? "",
    startsAt: params.startsAt ?? null,
    endsAt: params.expiresAt ?? null,
    exceeds: row.exceeds as PolicyLimit[],
    reason: row.reason,
    ticket: row.ticket,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    decidedByEmail: row.decidedByEmail,
    decidedAt: iso(row.decidedAt),
    comment: row.decisionComment,
    auditEventId: row.auditEventId,
  };
}

/** The approval queue for one admin: what waits (theirs marked), and what was decided lately. */
export async function approvalQueue(viewer: Staff): Promise<{ pending: ApprovalView[]; decided: ApprovalView[] }> {
  const { pending, decided } = await listRequests(await getDb());
  return { pending: pending.map((row) => viewOf(row, viewer)), decided: decided.map((row) => viewOf(row, viewer)) };
}
