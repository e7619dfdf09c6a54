import "server-only";
import { and, inArray, lt } from "drizzle-orm";
import { parseAdaptyDate } from "@/lib/profiles/access-status";
import type { AdaptyClient } from "@/server/adapty/client";
import type { Profile } from "@/server/adapty/types";
import { createAuditLog, type AuditRow } from "@/server/audit/log";
import type { Database } from "@/server/db/client";
import { auditEvents } from "@/server/db/schema";

/**
 * A grant or revoke row still `pending` or `unknown` this long after it began was left by a
 * console that stopped — or lost its database for longer than its retries — mid-change. It
 * must outlast a live console's own late re-reads (one and three Adapty timeouts after the
 * first), so that another instance starting meanwhile does not decide for it.
 */
export const staleAfterMs = (adaptyTimeoutMs: number) => Math.max(5 * 60_000, 6 * adaptyTimeoutMs);
const BATCH = 200;

const levelIn = (profile: Profile, id: unknown) => profile.access_levels.find((level) => level.access_level_id === id) ?? null;
const timeOf = (value: unknown) => (typeof value === "string" ? parseAdaptyDate(value) : null);

/** Whether the profile Adapty holds now shows the change the row asked for. */
export function accessChangeApplied(row: Pick<AuditRow, "action" | "params" | "occurredAt">, profile: Profile, now: Date): boolean {
  const params = (row.params ?? {}) as Record<string, unknown>;
  const level = levelIn(profile, params.access_level_id);
  if (!level) return false;
  const expiry = parseAdaptyDate(level.expires_at);
  if (row.action === "access_level.granted") return expiry === timeOf(params.expires_at);
  const revokeAt = timeOf(params.revoke_at);
  // "Revoke now" ends access at the moment Adapty handled it: after the row began, by now.
  if (revokeAt === null) return expiry !== null && expiry >= row.occurredAt.getTime() - 60_000 && expiry <= now.getTime();
  return expiry === revokeAt;
}

/**
 * Settles stale grant and revoke rows by re-reading each profile from Adapty, so that after
 * a crash every such row again says what Adapty holds. Rows Adapty cannot be asked about now
 * are left for the next start.
 */
export async function reconcileOpenAccessChanges(
  db: Database,
  adapty: AdaptyClient,
  { staleAfter, now = new Date() }: { staleAfter: number; now?: Date },
): Promise<{ settled: number; left: number }> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        inArray(auditEvents.outcome, ["pending", "unknown"]),
        inArray(auditEvents.action, ["access_level.granted", "access_level.revoked"]),
        lt(auditEvents.occurredAt, new Date(now.getTime() - staleAfter)),
      ),
    )
    .orderBy(auditEvents.id)
    .limit(BATCH);
  const audit = createAuditLog(db);
  let settled = 0;
  for (const row of rows) {
    if (!row.targetProfileId || (row.outcome !== "pending" && row.outcome !== "unknown")) continue;
    let profile: Profile;
    try {
      profile = (await adapty.getProfile({ profileId: row.targetProfileId })).value;
    } catch {
      continue;
    }
    const applied = accessChangeApplied(row, profile, now);
    await audit.complete(row.id, row.outcome, {
      outcome: applied ? "succeeded" : "failed",
      detail: `Settled at start-up: a re-read shows the change was ${applied ? "applied" : "not applied"}.`,
      accessAfter: levelIn(profile, (row.params as Record<string, unknown> | null)?.access_level_id),
      result: profile,
    });
    settled++;
  }
  return { settled, left: rows.length - settled };
}
