import "server-only";
import { sql } from "drizzle-orm";
import type { Profile } from "@/lib/adapty/types";
import { recordEvent } from "@/server/audit";
import { requestContext } from "@/server/audit/request-context";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { profileViewMarks } from "@/server/db/schema";

/** Opening a profile again, or refreshing it, within this long is the same look. */
export const VIEW_WINDOW_SECONDS = 300;

/**
 * Records that a staff member read a customer (the page and its refresh alike): one
 * `profile.viewed` row per person and customer per window. The mark is claimed in one
 * statement, so parallel refreshes agree on which of them writes the row.
 */
export async function recordProfileView(staff: Staff, profile: Profile): Promise<void> {
  try {
    const db = await getDb();
    const claimed = await db
      .insert(profileViewMarks)
      .values({ staffId: staff.id, profileId: profile.profile_id })
      .onConflictDoUpdate({
        target: [profileViewMarks.staffId, profileViewMarks.profileId],
        set: { recordedAt: sql`now()` },
        setWhere: sql`${profileViewMarks.recordedAt} < now() - make_interval(secs => ${VIEW_WINDOW_SECONDS})`,
      })
      .returning({ at: profileViewMarks.recordedAt });
    if (claimed.length === 0) return;
  } catch (error) {
    // Better a duplicate view row than a view left unrecorded.
    console.error(`Profile view mark could not be written: ${error instanceof Error ? error.message : String(error)}`);
  }
  await recordEvent({
    actor: staff,
    action: "profile.viewed",
    target: { profileId: profile.profile_id, customerUserId: profile.customer_user_id },
    outcome: "succeeded",
    context: await requestContext(),
  });
}
