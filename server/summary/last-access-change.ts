import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { lastChangeOf, type LastChange } from "@/lib/summary/last-change";
import type { Database } from "@/server/db";
import { auditEvents } from "@/server/db/schema";

/**
 * The newest grant or revoke the console made for this profile that took effect: a refused,
 * failed or still unknown one changed nothing the customer could be told about.
 */
export async function lastAccessChange(db: Database, profileId: string): Promise<LastChange | null> {
  const [row] = await db
    .select({
      action: auditEvents.action,
      occurredAt: auditEvents.occurredAt,
      params: auditEvents.params,
      accessAfter: auditEvents.accessAfter,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetProfileId, profileId),
        eq(auditEvents.outcome, "succeeded"),
        inArray(auditEvents.action, ["access_level.granted", "access_level.revoked"]),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row ? lastChangeOf(row) : null;
}
