import "server-only";
import { sql } from "drizzle-orm";
import type { Profile } from "@/lib/adapty/types";
import type { Database } from "@/server/db";
import { after } from "next/server";
import { getDb } from "@/server/db";
import { customerIdentifiers, customerIndex } from "@/server/db/schema";
import type { IndexedAccess } from "./search";

export function accessNow(profile: Profile, now: number): IndexedAccess[] {
  return profile.access_levels.map((level) => {
    const startsAt = level.starts_at ?? null;
    const expiresAt = level.expires_at ?? null;
    return {
      id: level.access_level_id ?? "",
      expiresAt,
      active: (startsAt === null || Date.parse(startsAt) <= now) && (expiresAt === null || Date.parse(expiresAt) > now),
    };
  });
}

/**
 * Adds a profile the console read or created to the search index (its customer user id
 * and its access as Adapty answered; the email when the console itself sent one). Written
 * only when something changed, so re-opening a profile costs one index lookup.
 */
export async function indexProfile(db: Database, profile: Profile, email: string | null = null): Promise<void> {
  const accessLevels = accessNow(profile, Date.now());
  const json = JSON.stringify(accessLevels);
  await db
    .insert(customerIndex)
    .values({
      profileId: profile.profile_id,
      customerUserId: profile.customer_user_id,
      email,
      accessLevels,
      accessSeenAt: sql`now()`,
    })
    .onConflictDoUpdate({
      target: customerIndex.profileId,
      set: {
        customerUserId: sql`excluded.customer_user_id`,
        email: sql`coalesce(excluded.email, ${customerIndex.email})`,
        accessLevels: sql`excluded.access_levels`,
        accessSeenAt: sql`now()`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${customerIndex.customerUserId} is distinct from excluded.customer_user_id
        or (excluded.email is not null and ${customerIndex.email} is distinct from excluded.email)
        or ${customerIndex.accessLevels} is distinct from ${json}::jsonb
        or ${customerIndex.accessSeenAt} < now() - interval '1 hour'`,
    });
  if (email) {
    await db
      .insert(customerIdentifiers)
      .values({ value: email.toLowerCase(), kind: "email", profileId: profile.profile_id })
      .onConflictDoNothing();
  }
}

/**
 * Indexes the profile once the answer has gone out (Next.js's after()): the agent never
 * waits for the index, and a failure to write it is logged, never shown.
 */
export function indexProfileAfterAnswer(profile: Profile, email: string | null = null): void {
  after(async () => {
    try {
      await indexProfile(await getDb(), profile, email);
    } catch (error) {
      console.error(`Search index not updated: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
