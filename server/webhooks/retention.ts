import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/server/db";

/** Small batches: each delete holds its rows briefly, so deliveries and timelines never wait behind a sweep. */
const BATCH = 5_000;
/** At most this many per maintenance round; a backlog is worked off over the next rounds. */
const MAX_PER_ROUND = 100_000;

/**
 * Deletes the webhook events received more than WEBHOOK_RETENTION_DAYS ago, oldest first,
 * through the received_at index. The search index keeps its customers and identifiers:
 * they are one row per customer, not per event, and stay useful after the events go.
 */
export async function sweepOldEvents(db: Database, retentionDays: number): Promise<number> {
  let removed = 0;
  while (removed < MAX_PER_ROUND) {
    const result: unknown = await db.execute(sql`
      delete from adapty_events where id in (
        select id from adapty_events
         where received_at < now() - make_interval(days => ${retentionDays})
         order by received_at limit ${BATCH}
         for update skip locked)`);
    const count =
      (result as { rowCount?: number | null; affectedRows?: number }).rowCount ??
      (result as { affectedRows?: number }).affectedRows ??
      0;
    removed += count;
    if (count < BATCH) break;
  }
  return removed;
}
