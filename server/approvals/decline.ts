"use server";

import { declineSchema } from "@/lib/approvals/schema";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { actionClient } from "@/server/auth/action-client";
import { declineOfKind } from "./decide";

/** An admin declines someone else's request, saying why. Nothing is sent to Adapty. */
export const declineRequestAction = actionClient
  .metadata({ permission: "approvals.decide", change: "approval.declined" })
  .inputSchema(declineSchema)
  .action(
    async ({ parsedInput: input, ctx }): Promise<ChangeOutcome> =>
      (await declineOfKind("grant", input.requestId, ctx.staff, input.comment)).outcome,
  );
