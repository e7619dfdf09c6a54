import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { auditedChange } from "@/server/audit/audited-change";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { bulkBatches, bulkRows } from "@/server/db/schema";
import { insertRequest } from "@/server/approvals/store";
import { readSettings } from "@/server/policy/settings-store";
import { auditedMove, BatchMovedError, movedAnswer, type BatchAnswer } from "./batch-change";
import { queueBatch } from "./queue";
import { findBatch, moveBatch, type BatchRecord } from "./store";

// Starting a batch. Only its starter starts it (every row is sent as them, on their grant
// policy). An agent's batch with more rows than the admins allow goes to the four-eyes
// queue instead; an admin approving it starts it (server/approvals/approve-batch.ts).

export const sendableRows = async (batchId: string): Promise<number> => {
  const [row] = await (
    await getDb()
  )
    .select({ count: sql<number>`count(*)::int` })
    .from(bulkRows)
    .where(and(eq(bulkRows.batchId, batchId), eq(bulkRows.state, "ready")));
  return row?.count ?? 0;
};

/** Whether `starter` needs an admin's approval to start a batch of `rows` rows. */
export async function needsApproval(starter: Staff, rows: number): Promise<boolean> {
  if (starter.role === "admin") return false;
  return rows > (await readSettings(await getDb())).settings.batchRowsWithoutApproval;
}

export async function startOrAskApproval(
  starter: Staff,
  input: { batchId: string; version: number },
): Promise<BatchAnswer> {
  const batch = await findBatch(await getDb(), input.batchId);
  if (!batch) return { outcome: "refused", message: "BulkRun.notFoundBatch" };
  if (batch.createdById !== starter.id) return { outcome: "refused", message: "BulkRun.onlyStarter" };
  const rows = await sendableRows(batch.id);
  if (rows === 0) return { outcome: "refused", message: "BulkRun.nothingToSend" };
  if (await needsApproval(starter, rows)) return askApproval(starter, batch, rows, input.version);
  return auditedMove(
    starter,
    batch,
    "batch.started",
    { from: ["draft"], to: "running", version: input.version, set: { startedAt: new Date() } },
    () => queueBatch(batch.id),
  );
}

async function askApproval(starter: Staff, batch: BatchRecord, rows: number, version: number): Promise<BatchAnswer> {
  const db = await getDb();
  const { settings } = await readSettings(db);
  return auditedChange({
    actor: starter,
    action: "approval.requested",
    target: {},
    params: { batchId: batch.id, fileName: batch.fileName, rows, limit: settings.batchRowsWithoutApproval },
    reason: batch.reason,
    ticket: batch.ticket,
    batch: { id: batch.id },
    send: async () => {
      // The batch is claimed first (one conditional update): two tabs cannot both ask.
      const moved = await moveBatch(db, batch.id, {
        from: ["draft"],
        to: "awaiting_approval",
        version,
        by: starter.email,
      });
      if (!moved) throw new BatchMovedError("The batch changed meanwhile.");
      const request = await insertRequest(db, {
        kind: "bulk",
        requester: starter,
        profileId: null,
        customerUserId: null,
        params: { batchId: batch.id, fileName: batch.fileName, rows },
        exceeds: [],
        reason: batch.reason,
        ticket: batch.ticket,
        expiresInHours: settings.approvalHours,
      });
      await db.update(bulkBatches).set({ approvalRequestId: request.id }).where(eq(bulkBatches.id, batch.id));
      return { value: moved };
    },
    ...movedAnswer,
  });
}
