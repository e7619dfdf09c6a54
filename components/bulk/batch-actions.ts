import type { BatchStatus } from "@/lib/bulk/view";
import type { ChangeActionFn } from "@/lib/change/action";

// The bulk actions as the batch page passes them down (server/bulk/actions.ts): the dry run,
// and the status changes, each made from the status version the page saw.

type Control = ChangeActionFn<{ batchId: string; version: number }, { status: BatchStatus }>;

export interface BatchActions {
  check: ChangeActionFn<{ batchId: string }, null>;
  start: Control;
  pause: Control;
  resume: Control;
  cancel: Control;
}
