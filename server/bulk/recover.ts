import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { RowOutcome } from "@/lib/bulk/view";
import type { Database } from "@/server/db";
import { instanceIsDead } from "@/server/db/instance";
import { bulkRows } from "@/server/db/schema";
import { NOT_FOUND_STATUS, rowAuditRow } from "./row-audit";

// Rows a stopped console instance had claimed (kill -9, a lost machine: its heartbeat
// stopped). Whether each was sent is read from the audit trail, by the row's own key: no
// audit row, nothing was sent and the row waits again; a completed one, the row ends as it
// did (unless a re-read settled it as never applied: then it waits again); a pending one is
// left until maintenance settles it from Adapty (server/maintenance).

const RECOVER_AT_ONCE = 200;

export async function recoverOrphanedRows(db: Database, batchId: string): Promise<number> {
  const orphans = await db
    .select({ line: bulkRows.line, key: bulkRows.idempotencyKey, claimedBy: bulkRows.claimedBy })
    .from(bulkRows)
    .where(
      and(
        eq(bulkRows.batchId, batchId),
        eq(bulkRows.state, "sending"),
        instanceIsDead(sql`${bulkRows.claimedBy}::uuid`),
      ),
    )
    .limit(RECOVER_AT_ONCE);
  let recovered = 0;
  for (const orphan of orphans) {
    const audit = await rowAuditRow(orphan.key);
    if (audit?.outcome === "pending") continue;
    const stillTheirs = and(
      eq(bulkRows.batchId, batchId),
      eq(bulkRows.line, orphan.line),
      eq(bulkRows.state, "sending"),
      eq(bulkRows.claimedBy, orphan.claimedBy ?? ""),
    );
    // Settled as not applied by a re-read (the instance died before Adapty had it): nothing
    // took effect, so the row waits again, as a new attempt with a key of its own.
    const notApplied = audit?.outcome === "failed" && audit.settledAt !== null;
    const update = notApplied
      ? { state: "ready" as const, claimedBy: null, idempotencyKey: sql`gen_random_uuid()` }
      : audit
        ? {
            state: "done" as const,
            outcome: outcomeOf(audit.outcome, audit.adaptyStatus),
            auditEventId: audit.id,
            adaptyErrorCode: audit.adaptyErrorCode,
            adaptyRequestId: audit.adaptyRequestId,
            message: audit.outcome === "unknown" ? "Change.unknownOutcome" : null,
            doneAt: sql`now()`,
            claimedBy: null,
          }
        : { state: "ready" as const, claimedBy: null, attempts: sql`greatest(${bulkRows.attempts} - 1, 0)` };
    const moved = await db.update(bulkRows).set(update).where(stillTheirs).returning({ line: bulkRows.line });
    recovered += moved.length;
  }
  return recovered;
}

function outcomeOf(outcome: string, status: number | null): RowOutcome {
  if (outcome === "failed" && status === NOT_FOUND_STATUS) return "not_found";
  if (outcome === "succeeded" || outcome === "refused" || outcome === "unknown") return outcome;
  return "failed";
}
