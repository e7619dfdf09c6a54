import { MIN_REQUESTS_PER_ROW } from "./request";
import type { BatchDetail, BatchStatus, RowCounts } from "./view";

// What the bulk pages say about a batch's rows in numbers: the counts worth naming, how far
// it has gone, and how long something takes, in the unit a person would say it in.

/** The outcomes a count line names, in the order it names them. */
export const COUNT_PARTS = [
  "ready",
  "sending",
  "succeeded",
  "failed",
  "refused",
  "unknown",
  "notFound",
  "cancelled",
  "invalid",
] as const satisfies (keyof RowCounts)[];
export type CountPart = (typeof COUNT_PARTS)[number];

/** The counts that are not zero, in COUNT_PARTS order ("380 succeeded, 2 failed"). */
export function countParts(counts: RowCounts): { part: CountPart; count: number }[] {
  return COUNT_PARTS.filter((part) => counts[part] > 0).map((part) => ({ part, count: counts[part] }));
}

/** Rows that are finished one way or another: sent and answered, not found, or cancelled. */
export function rowsDone(counts: RowCounts): number {
  return counts.succeeded + counts.failed + counts.refused + counts.unknown + counts.notFound + counts.cancelled;
}

/** How far a batch has gone: rows done of the rows it will send (the invalid ones are never sent). */
export function progressOf(counts: RowCounts): { done: number; of: number; percent: number } {
  const done = rowsDone(counts);
  const of = done + counts.ready + counts.sending;
  return { done, of, percent: of === 0 ? 100 : Math.floor((done / of) * 100) };
}

/** A length of time in the one unit it is said in: seconds under 2 minutes, minutes under 2 hours, else hours. */
export function durationParts(seconds: number): { unit: "seconds" | "minutes" | "hours"; value: number } {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 120) return { unit: "seconds", value: whole };
  if (whole < 7200) return { unit: "minutes", value: Math.round(whole / 60) };
  return { unit: "hours", value: Math.round((whole / 3600) * 10) / 10 };
}

/**
 * How long sending `rows` takes at `ratePerSecond` Adapty requests a second (null: no limit, so
 * it cannot be told in advance). A row makes at least two requests (lib/bulk/request.ts).
 */
export const estimatedSeconds = (rows: number, ratePerSecond: number | null): number | null =>
  ratePerSecond === null ? null : Math.ceil((rows * MIN_REQUESTS_PER_ROW) / ratePerSecond);

/** Whether the batch's page should keep asking for its progress: rows or its dry run are moving. */
export function isLive(batch: Pick<BatchDetail, "status" | "dryRun">): boolean {
  const moving: BatchStatus[] = ["running", "paused"];
  return moving.includes(batch.status) || (batch.dryRun !== null && batch.dryRun.finishedAt === null);
}
