import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/server/db";
import type { Database } from "@/server/db/client";
import { recentLookups } from "@/server/db/schema";

const KEEP = 10;

export type RecentLookup = typeof recentLookups.$inferSelect;

/**
 * Remembers that this agent opened this profile, keeping only their newest few: an upsert,
 * then a trim that skips rows another lookup holds. Never one statement or one transaction:
 * two tabs of one agent, each upserting a row the other is trimming, would then deadlock.
 * This way the upsert waits at most for a trim, which waits for nothing; a skipped row only
 * stays behind until the next lookup. `trim: false` when the caller knows the list cannot
 * have grown past KEEP (it had room, or already held this profile).
 */
export async function rememberLookup(
  db: Database,
  staffId: string,
  profileId: string,
  customerUserId: string | null,
  { trim = true }: { trim?: boolean } = {},
): Promise<void> {
  await db
    .insert(recentLookups)
    .values({ staffId, profileId, customerUserId })
    .onConflictDoUpdate({
      target: [recentLookups.staffId, recentLookups.profileId],
      set: { customerUserId, lookedUpAt: sql`now()` },
    });
  if (!trim) return;
  await db.execute(sql`delete from recent_lookups
    where (staff_id, profile_id) in (
      select staff_id, profile_id from recent_lookups
      where staff_id = ${staffId}
      order by looked_up_at desc
      offset ${KEEP}
      for update skip locked
    )`);
}

/** The agent's newest lookups; read once per render (the header and the lookup page share it). */
export const listRecentLookups = cache(async (staffId: string): Promise<RecentLookup[]> => {
  const db = await getDb();
  return db
    .select()
    .from(recentLookups)
    .where(eq(recentLookups.staffId, staffId))
    .orderBy(desc(recentLookups.lookedUpAt))
    .limit(KEEP);
});

/** A deleted customer is no lookup away any more: gone from every agent's list. */
export async function forgetLookups(profileId: string): Promise<void> {
  const db = await getDb();
  await db.delete(recentLookups).where(eq(recentLookups.profileId, profileId));
}

/**
 * The profile page's lookup. The header has just read the agent's list in this render (it is
 * cached): a profile already at its top, as on a refresh, needs no write, and a list with
 * room, or that already holds this profile, needs no trim.
 */
export async function noteProfileOpened(staffId: string, profileId: string, customerUserId: string | null) {
  const recent = await listRecentLookups(staffId);
  if (recent[0]?.profileId === profileId && recent[0].customerUserId === customerUserId) return;
  const listed = recent.some((lookup) => lookup.profileId === profileId);
  await rememberLookup(await getDb(), staffId, profileId, customerUserId, { trim: !listed && recent.length >= KEEP });
}
