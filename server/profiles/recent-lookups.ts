import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { recentLookups } from "@/server/db/schema";

const KEEP = 10;

export type RecentLookup = typeof recentLookups.$inferSelect;

/** Remembers that this agent opened this profile, keeping only their newest few. */
export async function rememberLookup(staffId: string, profileId: string, customerUserId: string | null): Promise<void> {
  const db = await getDb();
  await db
    .insert(recentLookups)
    .values({ staffId, profileId, customerUserId })
    .onConflictDoUpdate({
      target: [recentLookups.staffId, recentLookups.profileId],
      set: { customerUserId, lookedUpAt: sql`now()` },
    });
  const kept = await db
    .select({ at: recentLookups.lookedUpAt })
    .from(recentLookups)
    .where(eq(recentLookups.staffId, staffId))
    .orderBy(desc(recentLookups.lookedUpAt))
    .offset(KEEP - 1)
    .limit(1);
  const oldestKept = kept[0]?.at;
  if (oldestKept)
    await db
      .delete(recentLookups)
      .where(and(eq(recentLookups.staffId, staffId), lt(recentLookups.lookedUpAt, oldestKept)));
}

export async function listRecentLookups(staffId: string): Promise<RecentLookup[]> {
  const db = await getDb();
  return db
    .select()
    .from(recentLookups)
    .where(eq(recentLookups.staffId, staffId))
    .orderBy(desc(recentLookups.lookedUpAt))
    .limit(KEEP);
}

/** A deleted customer is no lookup away any more: gone from every agent's list. */
export async function forgetLookups(profileId: string): Promise<void> {
  const db = await getDb();
  await db.delete(recentLookups).where(eq(recentLookups.profileId, profileId));
}
