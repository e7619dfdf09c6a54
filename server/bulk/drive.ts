import "server-only";
import { inBackground } from "@/server/audit/request-context";
import { getDb } from "@/server/db";
import { claimNextRow } from "./claims";
import { recoverOrphanedRows } from "./recover";
import { sendAndSettle } from "./settle-row";
import { currentStarter } from "./starter";
import { completeIfDone, findBatch, moveBatch } from "./store";

// One job of the queue: drive a running batch for a slice of time, on its chain's share of
// the batch's concurrency (the claim caps rows in flight across every instance), then hand
// over to a fresh job. Short slices keep a job well inside the queue's expiry, so a job
// whose instance died is retried soon, and the batch's pause or cancel takes effect at once
// for new rows (rows in flight finish).

export const SLICE_MS = 20_000;
/** Job chains per batch (server/bulk/queue.ts): two, so that two instances can drive it at once. */
export const CHAINS = 2;
const IDLE_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** `more`: rows remain and the batch still runs (send the next job); otherwise nothing to do. */
export async function driveBatch(batchId: string, sliceMs = SLICE_MS): Promise<"more" | "finished"> {
  const db = await getDb();
  const batch = await findBatch(db, batchId);
  if (!batch || batch.status !== "running") return "finished";
  const starter = await currentStarter(db, batch.createdById);
  if (!starter) {
    await moveBatch(db, batchId, {
      from: ["running"],
      to: "paused",
      by: "console: the starter may no longer run batches",
    });
    return "finished";
  }
  await recoverOrphanedRows(db, batchId);

  const deadline = Date.now() + sliceMs;
  const context = { clientAddress: "background", userAgent: `bulk batch ${batchId}` };
  const lane = async () => {
    while (Date.now() < deadline) {
      const answer = await claimNextRow(db, batchId);
      if ("none" in answer) {
        if (answer.none === "stopped" || answer.none === "empty") return;
        await sleep(IDLE_MS);
        continue;
      }
      if (answer.claim.waitMs > 0) await sleep(answer.claim.waitMs);
      await inBackground(context, () => sendAndSettle(db, starter, batchId, answer.claim.row));
    }
  };
  // The chains' lanes together make the batch's concurrency: no lane waits idle for a claim
  // the others hold (on the embedded database every such poll is a statement others queue behind).
  await Promise.all(Array.from({ length: Math.ceil(batch.concurrency / CHAINS) }, lane));

  if (await completeIfDone(db, batchId)) return "finished";
  return (await findBatch(db, batchId))?.status === "running" ? "more" : "finished";
}
