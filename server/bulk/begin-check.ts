import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { getDb } from "@/server/db";
import { bulkBatches, bulkRows } from "@/server/db/schema";
import { queueCheck } from "./queue";

/**
 * Starts (or starts again) a draft batch's dry run. Only reads: no audit row, as for looking
 * a customer up; the batch records when it ran.
 */
export async function beginCheck(batchId: string): Promise<ChangeOutcome<null>> {
  const db = await getDb();
  const started = await db.transaction(async (tx) => {
    const [batch] = await tx
      .update(bulkBatches)
      .set({ checkStartedAt: sql`now()`, checkedAt: null })
      .where(and(eq(bulkBatches.id, batchId), eq(bulkBatches.status, "draft")))
      .returning({ id: bulkBatches.id });
    if (!batch) return false;
    await tx
      .update(bulkRows)
      .set({ checkResult: null, checkClaimedBy: null, checkClaimedAt: null })
      .where(eq(bulkRows.batchId, batchId));
    return true;
  });
  if (!started) return { outcome: "refused", message: "BulkRun.notDraft" };
  await queueCheck(batchId);
  return { outcome: "succeeded", value: null };
}
