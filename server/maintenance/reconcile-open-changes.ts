import "server-only";
import { and, gt, inArray, lt, or, sql } from "drizzle-orm";
import type { ChangeAction } from "@/lib/audit/actions";
import type { AdaptyClient } from "@/server/adapty/client";
import { settleAccessChange } from "@/server/access/reconcile";
import { createAuditLog, type AuditRow } from "@/server/audit/log";
import { COMPLETION_RETRY_WINDOW_MS } from "@/server/audit/complete-row";
import type { Database } from "@/server/db/client";
import { instanceIsDead } from "@/server/db/instance";
import { auditEvents } from "@/server/db/schema";
import { settleProfileChange } from "@/server/profiles/reconcile";
import type { Verdict } from "@/server/audit/verdict";

/** The changes sent to Adapty whose rows can be settled by re-reading the profile. */
const SETTLERS: Partial<
  Record<ChangeAction, (row: AuditRow, adapty: AdaptyClient, staleAfter: number) => Promise<Verdict | undefined>>
> = {
  "access_level.granted": settleAccessChange,
  "access_level.revoked": settleAccessChange,
  "profile.created": settleProfileChange,
  "profile.updated": settleProfileChange,
  "profile.deleted": settleProfileChange,
};

/**
 * A row still open this long after it began was given up on by whoever wrote it, alive or
 * not: it outlasts a live console's own work on the row (completion retries while its
 * database is away, then its late re-reads at one and three Adapty timeouts).
 */
export const staleAfterMs = (adaptyTimeoutMs: number) => COMPLETION_RETRY_WINDOW_MS + 6 * adaptyTimeoutMs + 60_000;

/**
 * A row whose instance has died is nobody's work, but Adapty may still be finishing the
 * request that instance sent (up to a timeout, and it may apply a timed-out change late):
 * judge it once that could no longer happen.
 */
export const ownerGoneAfterMs = (adaptyTimeoutMs: number) => 4 * adaptyTimeoutMs + 5_000;

const BATCH = 200;

export interface ReconcileOptions {
  staleAfter: number;
  ownerGoneAfter: number;
  now?: Date;
}

/**
 * Settles the change rows left open — by an instance that died, or given up on — by
 * re-reading each profile from Adapty, so every row again says what Adapty holds. Rows
 * Adapty cannot answer about, or that changed since in some other way, stay open for a
 * person to check. Several instances may run this at once: only the first write lands.
 */
export async function reconcileOpenChanges(
  db: Database,
  adapty: AdaptyClient,
  { staleAfter, ownerGoneAfter, now = new Date() }: ReconcileOptions,
) {
  const audit = createAuditLog(db);
  let settled = 0;
  let left = 0;
  for (let after = 0; ;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          gt(auditEvents.id, after),
          inArray(auditEvents.outcome, ["pending", "unknown"]),
          inArray(auditEvents.action, Object.keys(SETTLERS)),
          or(
            lt(auditEvents.occurredAt, new Date(now.getTime() - staleAfter)),
            and(
              lt(auditEvents.occurredAt, new Date(now.getTime() - ownerGoneAfter)),
              sql`${instanceIsDead(auditEvents.instanceId)}`,
            ),
          ),
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

async function settleRow(
  audit: ReturnType<typeof createAuditLog>,
  adapty: AdaptyClient,
  row: AuditRow,
  staleAfter: number,
): Promise<boolean> {
  const settle = SETTLERS[row.action as ChangeAction];
  if (!settle || (row.outcome !== "pending" && row.outcome !== "unknown")) return false;
  let verdict: Verdict | undefined;
  try {
    verdict = await settle(row, adapty, staleAfter);
  } catch {
    return false; // Adapty could not answer: try again next time
  }
  if (!verdict) return false;
  return audit.complete(row.id, row.outcome, {
    outcome: verdict.verdict === "applied" ? "succeeded" : "failed",
    detail: `Settled later by re-reading Adapty (the console that sent it had stopped or given up): the change was ${verdict.verdict}.`,
    accessAfter: verdict.after,
    result: verdict.result,
  });
}
