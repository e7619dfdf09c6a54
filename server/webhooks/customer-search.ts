import "server-only";
import { inArray } from "drizzle-orm";
import type { Profile } from "@/lib/adapty/types";
import { combineSearch, type SearchCandidate, type SearchOutcome } from "@/lib/search/combine";
import type { Database } from "@/server/db";
import { customerIndex } from "@/server/db/schema";
import { findExact } from "@/server/profiles/find";
import { accessNow } from "./index-profile";
import { searchCustomerIndex } from "./search";

/** What the index knows of customers Adapty found by exact id: their email and last event. */
async function indexRowsOf(db: Database, profileIds: string[]) {
  if (profileIds.length === 0) return new Map<string, typeof customerIndex.$inferSelect>();
  const rows = await db.select().from(customerIndex).where(inArray(customerIndex.profileId, profileIds));
  return new Map(rows.map((row) => [row.profileId, row]));
}

function fromAdapty(profile: Profile, row: typeof customerIndex.$inferSelect | undefined): SearchCandidate {
  return {
    profileId: profile.profile_id,
    customerUserId: profile.customer_user_id ?? null,
    email: row?.email ?? null,
    lastEventType: row?.lastEventType ?? null,
    lastEventAt: row?.lastEventAt ?? null,
    // Adapty's answer is the access as it is now.
    accessLevels: accessNow(profile, Date.now()),
    accessSeenAt: new Date(),
  };
}

/**
 * The lookup box's query: Adapty by exact id (an AdaptyError, an outage, is thrown for the
 * page to show) and the console's index, at once; then combined (lib/search/combine.ts).
 */
export async function searchCustomers(db: Database, query: string): Promise<SearchOutcome> {
  const [exact, indexed] = await Promise.all([findExact(query), searchCustomerIndex(db, query)]);
  const rows = await indexRowsOf(
    db,
    exact.map((found) => found.profile.profile_id),
  );
  return combineSearch(
    exact.map((found) => ({ ...fromAdapty(found.profile, rows.get(found.profile.profile_id)), matchedBy: found.as })),
    indexed,
  );
}
