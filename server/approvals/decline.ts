"use server";

import { declineSchema } from "@/lib/approvals/schema";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { auditedChange } from "@/server/audit/audited-change";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { approvalRefusal, ApprovalGoneError, decidableRequest } from "./decide";
import { decideRequest } from "./store";

/** An admin declines someone else's request, saying why. Nothing is sent to Adapty. */
export const declineRequestAction = actionClient
  .metadata({ permission: "approvals.decide", change: "approval.declined" })
  .inputSchema(declineSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome> => {
    const found = await decidableRequest(input.requestId, ctx.staff);
    if ("refusal" in found) return { outcome: "refused", message: found.refusal };
    const { request } = found;
    const db = await getDb();
    return auditedChange({
      actor: ctx.staff,
      action: "approval.declined",
      target: { profileId: request.profileId, customerUserId: request.customerUserId },
      params: { requestId: request.id, requestedBy: request.requestedByEmail, ...(request.params as object) },
      reason: input.comment,
      ticket: request.ticket,
      send: async () => {
        const row = await decideRequest(db, request.id, ctx.staff, "declined", input.comment);
        if (!row) throw new ApprovalGoneError("Decided or expired meanwhile.");
        return { value: row };
      },
      describeAfter: (row) => ({ status: row.status, decidedBy: row.decidedByEmail }),
      answer: () => null,
      refusal: approvalRefusal,
    });
  });
