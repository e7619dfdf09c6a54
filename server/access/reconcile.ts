import "server-only";
import { and, gt, inArray, lt } from "drizzle-orm";
import { parseAdaptyDate } from "@/lib/profiles/access-status";
import type { AdaptyClient } from "@/server/adapty/client";
import type { AccessLevel, Profile } from "@/server/adapty/types";
import { levelOf, levelShows, type RequestedExpiry } from "@/server/access/change-access-level";
import { createAuditLog, type AuditLog, type AuditRow } from "@/server/audit/log";
import { COMPLETION_RETRY_WINDOW_MS } from "@/server/audit/record-change";
import type { Database } from "@/server/db/client";
import { auditEvents } from "@/server/db/schema";

/**
 * A grant or revoke row still `pending` or `unknown` this long after it began was left by a
 * console that stopped mid-change. It must outlast a live console's own work on the row —
 * completion retries while its database is away, then its late re-reads (one and three
 * Adapty timeouts) — so that another instance starting meanwhile does not decide for it.
 */
export const staleAfterMs = (adaptyTimeoutMs: number) => COMPLETION_RETRY_WINDOW_MS + 6 * adaptyTimeoutMs + 60_000;
const BATCH = 200;

const timeOf = (value: unknown) => (typeof value === "string" ? parseAdaptyDate(value) : null);

/**
 * What the profile Adapty holds now says about the change the row asked for: `applied`
 * when the level is as requested, `not applied` when it is still as it was before (the row's
 * `access_before`), undefined when it is neither — changed since by someone or something
 * else — and so cannot tell.
 */
export function accessChangeVerdict(
  row: Pick<AuditRow, "action" | "params" | "accessBefore" | "occurredAt">,
  profile: Profile,
  staleAfter: number,
): "applied" | "not applied" | undefined {
  const params = (row.params ?? {}) as Record<string, unknown>;
  const level = levelOf(profile, String(params.access_level_id));
  const before = row.accessBefore as AccessLevel | null;
  const requested: RequestedExpiry =
    row.action === "access_level.granted" || timeOf(params.revoke_at) !== null
      ? { exactly: timeOf(row.action === "access_level.granted" ? params.expires_at : params.revoke_at) }
      : // "Revoke now" ends access when Adapty handled it: between the row's start and its staleness.
        { within: [row.occurredAt.getTime() - 60_000, row.occurredAt.getTime() + staleAfter] };
  if (levelShows(level, requested)) return "applied";
  const asBefore = before ? level !== null && parseAdaptyDate(level.expires_at) === parseAdaptyDate(before.expires_at) : level === null;
  return asBefore ? "not applied" : undefined;
}

/**
 * Settles stale grant and revoke rows by re-reading each profile from Adapty, so that after
 * a crash every such row again says what Adapty holds. Rows Adapty cannot answer about, or
 * whose level has changed since in some other way, are left open for a person to check.
 * Several instances starting at once may each read a row; only the first writes it.
 */
export async function reconcileOpenAccessChanges(
  db: Database,
  adapty: AdaptyClient,
  { staleAfter, now = new Date() }: { staleAfter: number; now?: Date },
): Promise<{ settled: number; left: number }> {
  const audit = createAuditLog(db);
  let settled = 0;
  let left = 0;
  for (let after = 0; ; ) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          gt(auditEvents.id, after),
          inArray(auditEvents.outcome, ["pending", "unknown"]),
          inArray(auditEvents.action, ["access_level.granted", "access_level.revoked"]),
          lt(auditEvents.occurredAt, new Date(now.getTime() - staleAfter)),
        ),
      )
      .orderBy(auditEvents.id)
      .limit(BATCH);
    for (const row of rows) {
      if (await settleRow(audit, adapty, row, staleAfter)) settled++;
      else left++;
    }
    if (rows.length < BATCH) return { settled, left };
    after = rows[rows.length - 1]!.id;
  }
}

async function settleRow(audit: AuditLog, adapty: AdaptyClient, row: AuditRow, staleAfter: number): Promise<boolean> {
  if (!row.targetProfileId || (row.outcome !== "pending" && row.outcome !== "unknown")) return false;
  let profile: Profile;
  try {
    profile = (await adapty.getProfile({ profileId: row.targetProfileId })).value;
  } catch {
    return false;
  }
  const verdict = accessChangeVerdict(row, profile, staleAfter);
  if (!verdict) return false;
  return audit.complete(row.id, row.outcome, {
    outcome: verdict === "applied" ? "succeeded" : "failed",
    detail: `Settled at start-up: a re-read shows the change was ${verdict}.`,
    accessAfter: levelOf(profile, String((row.params as Record<string, unknown> | null)?.access_level_id)),
    result: profile,
  });
}
