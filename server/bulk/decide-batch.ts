"use server";

import { approveSchema, declineSchema } from "@/lib/approvals/schema";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { auditedDecision, decidableRequest, declineOfKind, requesterOf } from "@/server/approvals/decide";
import type { ApprovalRow } from "@/server/approvals/store";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { queueBatch } from "./queue";
import { findBatch, moveBatch } from "./store";

// A bulk batch larger than its starter may run alone, decided in the approval queue:
// approving it starts it (each row still held to the starter's grant policy); declining it
// ends it with nothing sent. The decision itself is the queue's one conditional update.

const batchIdOf = (request: ApprovalRow) => (request.params as { batchId: string }).batchId;

export const approveBatchAction = actionClient
  .metadata({ permission: "approvals.decide", change: "approval.approved" })
  .inputSchema(approveSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome> => {
    const found = await decidableRequest(input.requestId, ctx.staff);
    if ("refusal" in found) return { outcome: "refused", message: found.refusal };
    const { request } = found;
    if (request.kind !== "bulk") return { outcome: "refused", message: "Approvals.errors.notFound" };
    const db = await getDb();
    const batch = await findBatch(db, batchIdOf(request));
    if (batch?.status !== "awaiting_approval") return { outcome: "refused", message: "BulkRun.changedMeanwhile" };
    if (!(await requesterOf(request))) return { outcome: "refused", message: "Approvals.errors.requesterGone" };
    const decided = await auditedDecision(ctx.staff, request, "approved", input.comment);
    if (decided.outcome !== "succeeded") return decided;
    const moved = await moveBatch(db, batch.id, {
      from: ["awaiting_approval"],
      to: "running",
      by: ctx.staff.email,
      set: { startedAt: new Date() },
    });
    if (moved) await queueBatch(batch.id);
    return decided;
  });

export const declineBatchAction = actionClient
  .metadata({ permission: "approvals.decide", change: "approval.declined" })
  .inputSchema(declineSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome> => {
    const { outcome, request } = await declineOfKind("bulk", input.requestId, ctx.staff, input.comment);
    if (request)
      await moveBatch(await getDb(), batchIdOf(request), {
        from: ["awaiting_approval"],
        to: "declined",
        by: ctx.staff.email,
        set: { finishedAt: new Date() },
      });
    return outcome;
  });
