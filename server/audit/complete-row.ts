import "server-only";
import { isDatabaseUnavailable } from "@/server/db/errors";
import type { AuditLog } from "./log";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Retries of a completion the database refused, spaced out over about ten minutes: the
 * change already happened at Adapty, so its row must say so once the database is back.
 */
const COMPLETION_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 60_000, 120_000, 180_000, 180_000];
/** How long a live console may still be completing a row it began (≈ 10 minutes). */
export const COMPLETION_RETRY_WINDOW_MS = COMPLETION_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);

/**
 * Completing a row after the change was sent must not turn a done change into an error.
 * If the database is away, the completion is retried in the background (the update only
 * applies while the row is still `from`, so a retry never overwrites): `later` tells
 * whether it was written in the end.
 */
export async function completeOrLog(
  audit: AuditLog,
  id: number,
  from: "pending" | "unknown",
  completion: Parameters<AuditLog["complete"]>[2],
): Promise<{ written: boolean; later?: Promise<boolean> }> {
  try {
    return { written: await audit.complete(id, from, completion) };
  } catch (error) {
    const retrying = isDatabaseUnavailable(error);
    console.error(
      `Audit row ${id} could not be completed (it stays ${from}${retrying ? "; retrying while the database is away" : ""}): ${error instanceof Error ? error.message : String(error)}`,
    );
    return { written: false, later: retrying ? completeLater(audit, id, from, completion) : undefined };
  }
}

async function completeLater(
  audit: AuditLog,
  id: number,
  from: "pending" | "unknown",
  completion: Parameters<AuditLog["complete"]>[2],
): Promise<boolean> {
  for (const delay of COMPLETION_RETRY_DELAYS_MS) {
    await sleep(delay);
    try {
      const written = await audit.complete(id, from, completion);
      console.error(
        written
          ? `Audit row ${id} completed as ${completion.outcome} after the database came back.`
          : `Audit row ${id} had already been settled elsewhere.`,
      );
      return written;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) break; // not an outage: retrying will not help
    }
  }
  console.error(
    `Audit row ${id} stays ${from}: it could not be completed as ${completion.outcome}. Check the customer in Adapty and the server log.`,
  );
  return false;
}
