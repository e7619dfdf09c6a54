"use server";

import type { ChangeOutcome } from "@/lib/change/outcome";
import type { BatchStatus } from "@/lib/bulk/view";
import { actionClient } from "@/server/auth/action-client";
import { batchControl, batchRef } from "./schemas";

type StatusAnswer = ChangeOutcome<{ status: BatchStatus }>;

/** Starts the dry run: every valid row's customer looked up at the batch's rate; nothing is sent. */
export const checkBatchAction = actionClient
  .metadata({ permission: "bulk.run" })
  .inputSchema(batchRef)
  .action(async (): Promise<ChangeOutcome<null>> => ({ outcome: "refused", message: "ActionErrors.unexpected" }));

/** Starts the batch, or (larger than its starter may run alone) sends it to the approval queue. */
export const startBatchAction = actionClient
  .metadata({ permission: "bulk.run", change: "batch.started" })
  .inputSchema(batchControl)
  .action(async (): Promise<StatusAnswer> => ({ outcome: "refused", message: "ActionErrors.unexpected" }));

export const pauseBatchAction = actionClient
  .metadata({ permission: "bulk.run", change: "batch.paused" })
  .inputSchema(batchControl)
  .action(async (): Promise<StatusAnswer> => ({ outcome: "refused", message: "ActionErrors.unexpected" }));

export const resumeBatchAction = actionClient
  .metadata({ permission: "bulk.run", change: "batch.resumed" })
  .inputSchema(batchControl)
  .action(async (): Promise<StatusAnswer> => ({ outcome: "refused", message: "ActionErrors.unexpected" }));

export const cancelBatchAction = actionClient
  .metadata({ permission: "bulk.run", change: "batch.cancelled" })
  .inputSchema(batchControl)
  .action(async (): Promise<StatusAnswer> => ({ outcome: "refused", message: "ActionErrors.unexpected" }));
