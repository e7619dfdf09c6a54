"use server";

import { declineSchema } from "@/lib/approvals/schema";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { actionClient } from "@/server/auth/action-client";
import { auditedDecision, decidableRequest } from "./decide";

/** An admin declines someone else's request, saying why. Nothing is sent to Adapty. */
export const declineRequestAction = actionClient
  .metadata({ permission: "approvals.decide", change: "approval.declined" })
  .inputSchema(declineSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome> => {
    const found = await decidableRequest(input.requestId, ctx.staff);
    if ("refusal" in found) return { outcome: "refused", message: found.refusal };
    // A bulk batch is decided by its own actions (server/bulk/decide-batch.ts).
    if (found.request.kind !== "grant") return { outcome: "refused", message: "Approvals.errors.notFound" };
    return auditedDecision(ctx.staff, found.request, "declined", input.comment);
  });
