import "server-only";
import { and, desc, eq, gt, lte, ne, sql } from "drizzle-orm";
import type { PolicyLimit } from "@/lib/policy/evaluate";
import type { Database } from "@/server/db";
import { approvalRequests } from "@/server/db/schema";

// The approval queue's rows. Every decision is one conditional update on a pending,
// unexpired request that someone else asked for: of two admins deciding at once exactly one
// wins, and nobody decides their own request, whatever the browser sends.

export type ApprovalRow = typeof approvalRequests.$inferSelect;

export interface NewRequest {
  /** A grant beyond policy (the default), or a bulk batch larger than its starter may run alone. */
  kind?: "grant" | "bulk";
  requester: { id: string; email: string; role: string };
  profileId: string | null;
  customerUserId: string | null;
  params: Record<string, unknown>;
  exceeds: PolicyLimit[];
  reason: string;
  ticket: string | null;
  expiresInHours: number;
}

export async function insertRequest(db: Database, request: NewRequest): Promise<ApprovalRow> {
  const [row] = await db
    .insert(approvalRequests)
    .values({
      kind: request.kind ?? "grant",
      requestedById: request.requester.id,
      requestedByEmail: request.requester.email,
      requestedByRole: request.requester.role,
      profileId: request.profileId,
      customerUserId: request.customerUserId,
      params: request.params,
      exceeds: request.exceeds,
      reason: request.reason,
      ticket: request.ticket,
      expiresAt: sql`now() + make_interval(hours => ${request.expiresInHours})`,
    })
    .returning();
  if (!row) throw new Error("The request for approval was not stored.");
  return row;
}

export const findRequest = async (db: Database, id: string): Promise<ApprovalRow | undefined> =>
  (await db.select().from(approvalRequests).where(eq(approvalRequests.id, id)))[0];

/** Marks requests nobody decided in time as expired (the queue and the maintenance sweep call it). */
export async function expireDueRequests(db: Database): Promise<number> {
  const rows = await db
    .update(approvalRequests)
    .set({ status: "expired", decidedAt: sql`now()` })
    .where(and(eq(approvalRequests.status, "pending"), lte(approvalRequests.expiresAt, sql`now()`)))
    .returning({ id: approvalRequests.id });
  return rows.length;
}

const decidable = (id: string, deciderId: string) =>
  and(
    eq(approvalRequests.id, id),
    eq(approvalRequests.status, "pending"),
    gt(approvalRequests.expiresAt, sql`now()`),
    ne(approvalRequests.requestedById, deciderId),
  );

/** Decides a request, if it is still pending, unexpired and not the decider's own; undefined otherwise. */
export async function decideRequest(
  db: Database,
  id: string,
  decider: { id: string; email: string },
  status: "approved" | "declined",
  comment: string | undefined,
): Promise<ApprovalRow | undefined> {
  const [row] = await db
    .update(approvalRequests)
    .set({
      status,
      decidedById: decider.id,
      decidedByEmail: decider.email,
      decidedAt: sql`now()`,
      decisionComment: comment ?? null,
    })
    .where(decidable(id, decider.id))
    .returning();
  return row;
}

/** An approved request whose grant did not go through waits again, for another try or a decline. */
export async function reopenRequest(db: Database, id: string): Promise<void> {
  await db
    .update(approvalRequests)
    .set({ status: "pending", decidedById: null, decidedByEmail: null, decidedAt: null, decisionComment: null })
    .where(and(eq(approvalRequests.id, id), eq(approvalRequests.status, "approved")));
}

export async function linkAuditRow(db: Database, id: string, auditEventId: number): Promise<void> {
  await db.update(approvalRequests).set({ auditEventId }).where(eq(approvalRequests.id, id));
}

export async function countPending(db: Database): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.status, "pending"), gt(approvalRequests.expiresAt, sql`now()`)));
  return row?.count ?? 0;
}

/** The queue: pending requests oldest first, then the latest decided ones. */
export async function listRequests(db: Database): Promise<{ pending: ApprovalRow[]; decided: ApprovalRow[] }> {
  await expireDueRequests(db);
  const [pending, decided] = await Promise.all([
    db
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.status, "pending"))
      .orderBy(approvalRequests.requestedAt)
      .limit(200),
    db
      .select()
      .from(approvalRequests)
      .where(ne(approvalRequests.status, "pending"))
      .orderBy(desc(approvalRequests.decidedAt))
      .limit(30),
  ]);
  return { pending, decided };
}
