import { z } from "zod";
import { reason, ticket } from "@/lib/access/schema";

// The undo's requests, shared by the dialog (browser) and the server actions, which check
// them again. Messages are keys of the Undo.errors catalogue.
const eventId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const undoPreviewSchema = z.object({ eventId });

export const undoSchema = z.object({
  eventId,
  /** The customer the undone row is about (checked against the row): it names the audit row of a refusal too. */
  profileId: z.uuid(),
  /** The level as the preview showed it (lib/undo/plan.ts levelFingerprint): Adapty must still hold it. */
  seen: z.string().min(1).max(500),
  /** The agent has read that the level changed since the undone change, and goes on. */
  confirmedChanges: z.boolean(),
  reason,
  ticket,
  idempotencyKey: z.uuid(),
});

export type UndoPreviewInput = z.input<typeof undoPreviewSchema>;
export type UndoInput = z.input<typeof undoSchema>;

/**
 * The dialog's form: the reason and ticket, and — when the level changed since the undone
 * change (`mustConfirm`, set from the preview) — the agent's confirmation to go on.
 */
export const undoFormSchema = z
  .object({ reason, ticket: z.string(), ready: z.boolean(), mustConfirm: z.boolean(), confirmedChanges: z.boolean() })
  // Nothing is reviewed before the preview has been read: the undo carries what it showed.
  .refine((values) => values.ready, { path: ["ready"], message: "Undo.errors.notRead" })
  .refine((values) => !values.mustConfirm || values.confirmedChanges, {
    path: ["confirmedChanges"],
    message: "Undo.errors.confirmRequired",
  });
export type UndoFormValues = z.input<typeof undoFormSchema>;
export type UndoRequest = z.output<typeof undoSchema>;
