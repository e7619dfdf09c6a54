"use server";

import type { ChangeOutcome } from "@/lib/change/outcome";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { auditedMove, controllableBatch, type BatchAnswer } from "./batch-change";
import { beginCheck } from "./begin-check";
import { queueBatch } from "./queue";
import { batchControl, batchRef } from "./schemas";
import { startOrAskApproval } from "./start";
import { cancelWaitingRows } from "./store";

/** Starts the dry run: every valid row's customer looked up at the batch's rate; nothing is sent. Its uploader's or an admin's. */
export const checkBatchAction = actionClient
  .metadata({ permission: "bulk.run" })
  .inputSchema(batchRef)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome<null>> => {
    const found = await controllableBatch(ctx.staff, input.batchId);
    return "refused" in found ? found.refused : beginCheck(input.batchId);
  });

/** Starts the batch, or (larger than its starter may run alone) sends it to the approval queue. */
export const startBatchAction = actionClient
  .metadata({ permission: "bulk.run", change: "batch.started" })
  .inputSchema(batchControl)
  .action(async ({ parsedInput: input, ctx }): Promise<BatchAnswer> => startOrAskApproval(ctx.staff, input));

export const pauseBatchAction = actionClient
  .metadata({ permission: "bulk.run", change: "batch.paused" })
  .inputSchema(batchControl)
  .action(async ({ parsedInput: input, ctx }): Promise<BatchAnswer> => {
    const found = await controllableBatch(ctx.staff, input.batchId);
    if ("refused" in found) return found.refused;
    return auditedMove(ctx.staff, found.batch, "batch.paused", {
      from: ["running"],
      to: "paused",
      version: input.version,
    });
  });

export const resumeBatchAction = actionClient
  .metadata({ permission: "bulk.run", change: "batch.resumed" })
  .inputSchema(batchControl)
  .action(async ({ parsedInput: input, ctx }): Promise<BatchAnswer> => {
    const found = await controllableBatch(ctx.staff, input.batchId);
    if ("refused" in found) return found.refused;
    return auditedMove(
      ctx.staff,
      found.batch,
      "batch.resumed",
      { from: ["paused"], to: "running", version: input.version },
      () => queueBatch(input.batchId),
    );
  });

/** Cancels the batch: rows not yet sent never are; rows in flight finish (and are recorded). */
export const cancelBatchAction = actionClient
  .metadata({ permission: "bulk.run", change: "batch.cancelled" })
  .inputSchema(batchControl)
  .action(async ({ parsedInput: input, ctx }): Promise<BatchAnswer> => {
    const found = await controllableBatch(ctx.staff, input.batchId);
    if ("refused" in found) return found.refused;
    return auditedMove(
      ctx.staff,
      found.batch,
      "batch.cancelled",
      {
        from: ["draft", "awaiting_approval", "running", "paused"],
        to: "cancelled",
        version: input.version,
        set: { finishedAt: new Date() },
      },
      async () => cancelWaitingRows(await getDb(), input.batchId),
    );
  });
