import { z } from "zod";

// An admin's decision on a request for approval, shared by the queue's forms and the actions.
// Messages are keys of the Approvals.errors catalogue.

const comment = z.string().trim().max(500, "commentTooLong");

export const approveSchema = z.object({
  requestId: z.uuid(),
  comment: comment.transform((value) => value || undefined).optional(),
});

/** Declining says why, so the agent who asked learns it. */
export const declineSchema = z.object({ requestId: z.uuid(), comment: comment.min(1, "commentRequired") });

export type ApproveInput = z.input<typeof approveSchema>;
export type DeclineInput = z.input<typeof declineSchema>;
