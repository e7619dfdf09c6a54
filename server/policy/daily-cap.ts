import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/server/db";
import { grantCounts } from "@/server/db/schema";

// The daily cap of grants per member. The count is a row per member and UTC day; taking a
// slot is one statement that adds one only below the cap, so parallel grants on several
// instances cannot pass the cap together (tested on PostgreSQL: daily-cap.test.ts).

const today = sql`(now() at time zone 'utc')::date`;

/** Takes one of today's `cap` slots; the day it was taken on, or null when none is left. */
export async function takeGrantSlot(db: Database, staffId: string, cap: number): Promise<string | null> {
  const [row] = await db
    .insert(grantCounts)
    .values({ staffId, day: today, count: 1 })
    .onConflictDoUpdate({
      target: [grantCounts.staffId, grantCounts.day],
      set: { count: sql`${grantCounts.count} + 1` },
      setWhere: sql`${grantCounts.count} < ${cap}`,
    })
    .returning({ day: grantCounts.day });
  return row?.day ?? null;
}

/** Gives back a slot whose grant did not go through (refused or failed: nothing changed). */
export async function returnGrantSlot(db: Database, staffId: string, day: string): Promise<void> {
  await db
    .update(grantCounts)
    .set({ count: sql`greatest(${grantCounts.count} - 1, 0)` })
    .where(and(eq(grantCounts.staffId, staffId), eq(grantCounts.day, day)));
}

/** How many grants the member made today (UTC): what the grant form shows against the cap. */
export async function grantsToday(db: Database, staffId: string): Promise<number> {
  const [row] = await db
    .select({ count: grantCounts.count })
    .from(grantCounts)
    .where(and(eq(grantCounts.staffId, staffId), sql`${grantCounts.day} = ${today}`));
  return row?.count ?? 0;
}
