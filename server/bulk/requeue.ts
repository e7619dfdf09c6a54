import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/server/db";
import { bulkBatches } from "@/server/db/schema";
import { queueBatch } from "./queue";

/**
 * Queues every running batch's job chains again. Harmless when they are queued already (the
 * queue keeps one waiting job per chain); after a restart of every instance it is what
 * picks the batches up where their rows say they stopped.
 */
export async function requeueRunningBatches(db: Database): Promise<void> {
  const running = await db.select({ id: bulkBatches.id }).from(bulkBatches).where(eq(bulkBatches.status, "running"));
  for (const batch of running) await queueBatch(batch.id);
}
