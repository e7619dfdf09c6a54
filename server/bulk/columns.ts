import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/server/db";
import { bulkBatches } from "@/server/db/schema";

/** The uploaded file's columns, in its order. */
export async function batchColumns(db: Database, batchId: string): Promise<string[]> {
  const [batch] = await db
    .select({ columns: bulkBatches.columns })
    .from(bulkBatches)
    .where(eq(bulkBatches.id, batchId));
  return (batch?.columns as string[] | undefined) ?? [];
}
