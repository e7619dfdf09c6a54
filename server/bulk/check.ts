import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { grantableLevels } from "@/lib/access/levels";
import { accessLost, revokeProblem } from "@/lib/access/rules";
import { parseAdaptyDate } from "@/lib/access/status";
import type { Profile } from "@/lib/adapty/types";
import type { BulkRequest } from "@/lib/bulk/request";
import type { RowCheck } from "@/lib/bulk/view";
import { failureMessage } from "@/lib/change/outcome";
import { levelOf } from "@/server/access/change-access-level";
import { readProfile } from "@/server/adapty/read-profile";
import { getDb, type Database } from "@/server/db";
import { instanceId } from "@/server/db/instance";
import { rowsOf } from "@/server/db/rows";
import { bulkBatches, bulkRows } from "@/server/db/schema";
import { getEnv } from "@/server/env";
import { reserveRequests } from "./claims";
import { SLICE_MS } from "./drive";
import { findBatch } from "./store";

// The dry run: every valid row's customer looked up, at the batch's rate, and what its
// grant or revoke would do judged on what Adapty holds now (the single grant's rules: a
// later start leaves a gap, an earlier end shortens access). Nothing is sent. A row's claim
// lapses after two minutes, so a stopped instance's rows are checked by another.

const CLAIM_LAPSES = sql`interval '2 minutes'`;

async function claimRowToCheck(db: Database, batchId: string) {
  const [row] = rowsOf<{ line: number; request: BulkRequest }>(
    await db.execute(sql`update ${bulkRows} set check_claimed_by = ${instanceId()}, check_claimed_at = now()
      where batch_id = ${batchId} and line = (
        select line from ${bulkRows}
        where batch_id = ${batchId} and request is not null and check_result is null
          and (check_claimed_by is null or check_claimed_at < now() - ${CLAIM_LAPSES})
        order by line limit 1 for update skip locked)
      returning line, request`),
  );
  return row;
}

/** What the row would do to the customer, judged on a fresh read. */
export function judgeRow(request: BulkRequest, profile: Profile, now: number): RowCheck {
  const level = levelOf(profile, request.accessLevelId) ?? undefined;
  const currentExpiresAt = level ? parseAdaptyDate(level.expires_at) : undefined;
  const found = { found: true as const, profileId: profile.profile_id, currentExpiresAt };
  if (request.action === "revoke") {
    const problem = revokeProblem(level, request.revokeAt ? new Date(request.revokeAt) : null, now);
    return { ...found, losses: [], ...(problem ? { problem: `Access.errors.${problem}` } : {}) };
  }
  const offered = grantableLevels(getEnv().adapty.accessLevels, profile).some(
    (offer) => offer.id === request.accessLevelId,
  );
  const period = {
    startsAt: request.startsAt ? new Date(request.startsAt) : null,
    expiresAt: request.expiresAt ? new Date(request.expiresAt) : null,
  };
  return {
    ...found,
    losses: accessLost(level, period, now),
    ...(offered ? {} : { problem: "Access.errors.levelNotConfigured" }),
  };
}

async function checkOne(request: BulkRequest): Promise<RowCheck> {
  const read = await readProfile(request.customer);
  if ("profile" in read) return judgeRow(request, read.profile, Date.now());
  return read.failure.kind === "not_found" ? { found: false } : { failed: failureMessage(read.failure) };
}

/** One slice of a batch's dry run; `more` while rows remain unchecked. */
export async function checkBatch(batchId: string, sliceMs = SLICE_MS): Promise<"more" | "finished"> {
  const db = await getDb();
  const batch = await findBatch(db, batchId);
  if (!batch || batch.status !== "draft" || !batch.checkStartedAt || batch.checkedAt) return "finished";
  const deadline = Date.now() + sliceMs;
  let left = true;
  const lane = async () => {
    while (Date.now() < deadline) {
      const row = await claimRowToCheck(db, batchId);
      if (!row) {
        left = false;
        return;
      }
      const { waitMs } = await reserveRequests(db, batchId, 1);
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs).unref());
      const check = await checkOne(row.request);
      await db
        .update(bulkRows)
        .set({ checkResult: check, checkClaimedBy: null })
        .where(and(eq(bulkRows.batchId, batchId), eq(bulkRows.line, row.line)));
    }
  };
  await Promise.all(Array.from({ length: batch.concurrency }, lane));
  if (left) return "more";
  // Done once no valid row is unchecked (rows others still hold keep it open).
  const finished = await db
    .update(bulkBatches)
    .set({ checkedAt: sql`now()` })
    .where(
      and(
        eq(bulkBatches.id, batchId),
        isNull(bulkBatches.checkedAt),
        sql`not exists (select 1 from ${bulkRows} where batch_id = ${batchId} and request is not null and check_result is null)`,
      ),
    )
    .returning({ id: bulkBatches.id });
  return finished.length > 0 ? "finished" : "more";
}
