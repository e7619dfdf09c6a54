import "server-only";
import type { BatchStatus } from "@/lib/bulk/view";
import type { ChangeOutcome } from "@/lib/change/outcome";
import type { ChangeAction } from "@/lib/audit/actions";
import { auditedChange } from "@/server/audit/audited-change";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { findBatch, moveBatch, type BatchRecord } from "./store";

// A batch's status changed by a person (start, pause, resume, cancel), through the
// write-ahead audit trail like every change: the row, then the one conditional update.

export class BatchMovedError extends Error {
  override name = "BatchMovedError";
}

export type BatchAnswer = ChangeOutcome<{ status: BatchStatus }>;

/** How every audited status change of a batch is recorded and answered. */
export const movedAnswer = {
  describeAfter: (moved: BatchRecord) => ({ status: moved.status }),
  answer: (moved: BatchRecord) => ({ status: moved.status }),
  refusal: (failure: { errorName?: string }) =>
    failure.errorName === "BatchMovedError" ? "BulkRun.changedMeanwhile" : undefined,
};

/** The batch `viewer` may control: its starter, or an admin. */
export async function controllableBatch(
  viewer: Staff,
  batchId: string,
): Promise<{ batch: BatchRecord } | { refused: Extract<BatchAnswer, { outcome: "refused" }> }> {
  const batch = await findBatch(await getDb(), batchId);
  if (!batch) return { refused: { outcome: "refused", message: "BulkRun.notFoundBatch" } };
  if (batch.createdById !== viewer.id && viewer.role !== "admin")
    return { refused: { outcome: "refused", message: "BulkRun.notYours" } };
  return { batch };
}

export async function auditedMove(
  actor: Staff,
  batch: BatchRecord,
  action: Extract<ChangeAction, `batch.${string}`>,
  move: { from: BatchStatus[]; to: BatchStatus; version: number; set?: Partial<BatchRecord> },
  after?: (moved: BatchRecord) => Promise<void>,
): Promise<BatchAnswer> {
  const db = await getDb();
  return auditedChange({
    actor,
    action,
    target: {},
    params: { batchId: batch.id, fileName: batch.fileName, rows: batch.totalRows, from: batch.status, to: move.to },
    reason: batch.reason,
    ticket: batch.ticket,
    batch: { id: batch.id },
    send: async () => {
      const moved = await moveBatch(db, batch.id, { ...move, by: actor.email });
      if (!moved) throw new BatchMovedError("The batch changed meanwhile.");
      await after?.(moved);
      return { value: moved };
    },
    ...movedAnswer,
  });
}
