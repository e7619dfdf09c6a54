import { z } from "zod";

// The inputs of the bulk actions: a batch, and the status version its page saw (so a
// pause that crossed a cancel in another tab is refused rather than undoing it).
export const batchRef = z.object({ batchId: z.uuid() });
export const batchControl = z.object({ batchId: z.uuid(), version: z.number().int().min(1) });
