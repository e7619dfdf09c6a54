import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { BatchDetail, BatchSummary, RowCounts, RowFilter, RowOutcome, RowView } from "@/lib/bulk/view";
import type { Message } from "@/lib/change/outcome";
import type { Staff } from "@/server/auth/require-staff";
import { getDb, type Database } from "@/server/db";
import { rowsOf } from "@/server/db/rows";
import { auditEvents, bulkBatches, bulkRows } from "@/server/db/schema";
import { needsApproval } from "./start";
import { findBatch, type BatchRecord } from "./store";

// What the bulk pages show. A row's outcome is its audit row's where that one moved on (an
// unknown outcome settled later by re-reading), so the page, the result file and the audit
// log always agree.

const EMPTY: RowCounts = {
  invalid: 0,
  ready: 0,
  sending: 0,
  succeeded: 0,
  failed: 0,
  refused: 0,
  unknown: 0,
  notFound: 0,
  cancelled: 0,
};

/** SQL: the row's outcome now (the audit row's verdict for a row left unknown). */
export const currentOutcome = sql<RowOutcome | null>`case when ${bulkRows.outcome} = 'unknown'
  and ${auditEvents.outcome} in ('succeeded', 'failed') then ${auditEvents.outcome}::text else ${bulkRows.outcome} end`;

async function countsOf(db: Database, ids: string[]): Promise<Map<string, RowCounts>> {
  const counts = new Map<string, RowCounts>(ids.map((id) => [id, { ...EMPTY }]));
  if (ids.length === 0) return counts;
  const rows = await db
    .select({
      batchId: bulkRows.batchId,
      state: bulkRows.state,
      outcome: currentOutcome,
      n: sql<number>`count(*)::int`,
    })
    .from(bulkRows)
    .leftJoin(auditEvents, eq(auditEvents.id, bulkRows.auditEventId))
    .where(inArray(bulkRows.batchId, ids))
    .groupBy(bulkRows.batchId, bulkRows.state, currentOutcome);
  for (const row of rows) {
    const tally = counts.get(row.batchId);
    if (!tally) continue;
    if (row.state !== "done") tally[row.state] += row.n;
    else if (row.outcome === "not_found") tally.notFound += row.n;
    else if (row.outcome) tally[row.outcome] += row.n;
  }
  return counts;
}

const millis = (date: Date | null) => date?.getTime() ?? null;

function summaryOf(batch: BatchRecord, counts: RowCounts): BatchSummary {
  return {
    id: batch.id,
    fileName: batch.fileName,
    createdAt: batch.createdAt.getTime(),
    createdByEmail: batch.createdByEmail,
    status: batch.status,
    totalRows: batch.totalRows,
    counts,
    startedAt: millis(batch.startedAt),
    finishedAt: millis(batch.finishedAt),
  };
}

/** The newest batches, for the list on /bulk. */
export async function listBatches(): Promise<BatchSummary[]> {
  const db = await getDb();
  const batches = await db.select().from(bulkBatches).orderBy(desc(bulkBatches.createdAt)).limit(50);
  const counts = await countsOf(
    db,
    batches.map((batch) => batch.id),
  );
  return batches.map((batch) => summaryOf(batch, counts.get(batch.id) ?? EMPTY));
}

/** Rows finished in the last minute, per second: the pace the time left is told at. */
async function pace(db: Database, batch: BatchRecord): Promise<number | null> {
  if (!batch.startedAt) return null;
  const [row] = rowsOf<{ n: number; seconds: number }>(
    await db.execute(sql`select count(*)::int as n,
        least(60, extract(epoch from (now() - ${batch.startedAt})))::float8 as seconds
      from ${bulkRows} where batch_id = ${batch.id} and done_at > now() - interval '60 seconds'`),
  );
  if (!row || row.seconds < 2 || row.n === 0) return null;
  return row.n / row.seconds;
}

async function dryRunOf(db: Database, batch: BatchRecord): Promise<BatchDetail["dryRun"]> {
  if (!batch.checkStartedAt) return null;
  const [row] = rowsOf<{ checked: number; total: number; missing: number; losing: number }>(
    await db.execute(sql`select count(*) filter (where check_result is not null)::int as checked,
        count(*)::int as total,
        count(*) filter (where check_result->>'found' = 'false')::int as missing,
        count(*) filter (where jsonb_array_length(coalesce(check_result->'losses', '[]'::jsonb)) > 0)::int as losing
      from ${bulkRows} where batch_id = ${batch.id} and request is not null`),
  );
  return {
    startedAt: batch.checkStartedAt.getTime(),
    finishedAt: millis(batch.checkedAt),
    checked: row?.checked ?? 0,
    total: row?.total ?? 0,
    missing: row?.missing ?? 0,
    losing: row?.losing ?? 0,
  };
}

/** One batch as `viewer` sees it (whether they may control it, whether Start needs approval); null when none. */
export async function loadBatch(id: string, viewer: Staff): Promise<BatchDetail | null> {
  const db = await getDb();
  const batch = await findBatch(db, id);
  if (!batch) return null;
  const [counts, rowsPerSecond, dryRun] = await Promise.all([
    countsOf(db, [id]).then((all) => all.get(id) ?? EMPTY),
    pace(db, batch),
    dryRunOf(db, batch),
  ]);
  const left = counts.ready + counts.sending;
  return {
    ...summaryOf(batch, counts),
    version: batch.version,
    zone: batch.zone,
    reason: batch.reason,
    ticket: batch.ticket,
    ratePerSecond: batch.ratePerSecond,
    concurrency: batch.concurrency,
    needsApproval: batch.status === "draft" && (await needsApproval(viewer, counts.ready)),
    rowsPerSecond,
    secondsLeft: rowsPerSecond && batch.status === "running" ? Math.ceil(left / rowsPerSecond) : null,
    dryRun,
    mayControl: batch.createdById === viewer.id || viewer.role === "admin",
    statusChangedByEmail: batch.statusChangedByEmail,
  };
}

export const ROWS_PAGE_SIZE = 50;

const FILTERS: Record<RowFilter, SQL | undefined> = {
  all: undefined,
  invalid: sql`${bulkRows.state} = 'invalid'`,
  duplicates: sql`${bulkRows.duplicateOf} is not null`,
  problems: sql`(${bulkRows.state} = 'invalid' or ${currentOutcome} in ('failed', 'refused', 'not_found', 'unknown')
    or ${bulkRows.checkResult} ? 'problem' or ${bulkRows.checkResult} ? 'failed')`,
  missing: sql`${bulkRows.checkResult}->>'found' = 'false'`,
  losing: sql`jsonb_array_length(coalesce(${bulkRows.checkResult}->'losses', '[]'::jsonb)) > 0`,
};

/** A page of a batch's rows (lines in order), filtered. */
export async function batchRows(
  id: string,
  filter: RowFilter,
  page: number,
): Promise<{ rows: RowView[]; total: number; pageSize: number }> {
  const db = await getDb();
  const where = and(eq(bulkRows.batchId, id), FILTERS[filter]);
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: bulkRows, outcome: currentOutcome })
      .from(bulkRows)
      .leftJoin(auditEvents, eq(auditEvents.id, bulkRows.auditEventId))
      .where(where)
      .orderBy(bulkRows.line)
      .limit(ROWS_PAGE_SIZE)
      .offset(Math.max(0, page) * ROWS_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(bulkRows)
      .leftJoin(auditEvents, eq(auditEvents.id, bulkRows.auditEventId))
      .where(where),
  ]);
  return {
    rows: rows.map(({ row, outcome }) => ({
      line: row.line,
      cells: row.cells as Record<string, string>,
      problems: (row.problems as Message[] | null) ?? [],
      duplicateOf: row.duplicateOf,
      state: row.state,
      outcome,
      message: (row.message as Message | null) ?? null,
      adaptyErrorCode: row.adaptyErrorCode,
      adaptyRequestId: row.adaptyRequestId,
      auditEventId: row.auditEventId,
      check: (row.checkResult as RowView["check"]) ?? null,
    })),
    total: total?.n ?? 0,
    pageSize: ROWS_PAGE_SIZE,
  };
}
