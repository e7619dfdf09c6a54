import type { Message } from "@/lib/change/outcome";
import type { AccessLoss } from "@/lib/access/rules";

// What the bulk pages are told about a batch and its rows (server/bulk/read.ts builds it).
// Instants are epoch milliseconds.

export type BatchStatus = "draft" | "awaiting_approval" | "running" | "paused" | "cancelled" | "completed" | "declined";

/** How a row ended: as its audit row did, or `not_found` when no such customer exists. */
export type RowOutcome = "succeeded" | "failed" | "refused" | "unknown" | "not_found";

export interface RowCounts {
  invalid: number;
  /** Waiting to be sent. */
  ready: number;
  /** In flight now. */
  sending: number;
  succeeded: number;
  failed: number;
  refused: number;
  unknown: number;
  notFound: number;
  /** Not sent because the batch was cancelled. */
  cancelled: number;
}

export interface BatchSummary {
  id: string;
  fileName: string;
  createdAt: number;
  createdByEmail: string;
  status: BatchStatus;
  totalRows: number;
  counts: RowCounts;
  startedAt: number | null;
  finishedAt: number | null;
}

/** The dry run's finding for one row. */
export type RowCheck =
  | { found: false }
  | {
      found: true;
      profileId: string;
      /** What a grant would take away from the access the customer has now (lib/access/rules.ts). */
      losses: AccessLoss[];
      /** The level's expiry now: epoch ms, null for lifetime, undefined when the customer does not have it. */
      currentExpiresAt?: number | null;
      /** A revoke of a level the customer does not have, or other refusal the send would meet. */
      problem?: Message;
    }
  | { failed: Message };

export interface DryRun {
  startedAt: number;
  /** null while it runs. */
  finishedAt: number | null;
  checked: number;
  /** Rows to check: the valid ones. */
  total: number;
  missing: number;
  /** Rows whose grant would shorten access or leave a gap before it starts. */
  losing: number;
}

export interface BatchDetail extends BatchSummary {
  version: number;
  zone: string;
  reason: string;
  ticket: string | null;
  ratePerSecond: number | null;
  concurrency: number;
  /** Larger than the viewer's role may start alone: Start asks an admin instead. */
  needsApproval: boolean;
  /** Rows sent per second over the last minute, and the seconds left at that pace (null: cannot tell yet). */
  rowsPerSecond: number | null;
  secondsLeft: number | null;
  dryRun: DryRun | null;
  /** Whether the viewer may pause, resume or cancel it (its starter, or an admin). */
  mayControl: boolean;
  statusChangedByEmail: string | null;
}

export interface RowView {
  line: number;
  cells: Record<string, string>;
  problems: Message[];
  duplicateOf: number | null;
  state: "invalid" | "ready" | "sending" | "done" | "cancelled";
  outcome: RowOutcome | null;
  message: Message | null;
  adaptyErrorCode: string | null;
  adaptyRequestId: string | null;
  auditEventId: number | null;
  check: RowCheck | null;
}

/** Which rows a page of the batch shows. */
export type RowFilter = "all" | "invalid" | "duplicates" | "problems" | "missing" | "losing";
