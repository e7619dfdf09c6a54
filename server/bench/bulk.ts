import "server-only";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BatchDetail, RowCounts } from "@/lib/bulk/view";
import {
  batchDiagnosis,
  batchProgress,
  grantsFile,
  seedCustomers,
  startBatch,
  untilCompleted,
  uploadBatch,
} from "./bulk-batch";
import { customers, type LookupLatency, lookupLatency } from "./lookups";
import {
  AGENT_EMAIL,
  BENCH_EMAIL,
  BENCH_PASSWORD,
  type Database,
  sampleResident,
  startConsole,
  startSandbox,
} from "./processes";
import type { Figure } from "./report";
import { signIn } from "./session";
import { progress } from "./stats";

// Issue 20's benchmark: a batch of grants at an unlimited rate against the sandbox, driven as
// its pages drive it (upload route, start action, progress route) by the bench admin, while
// an agent looks customers up. Rows per second from the batch's start to its completion (the
// database's own startedAt and finishedAt), the console's peak resident memory from the
// upload on, and the agent's lookups during the batch against the same lookups just before.

export interface BulkRun {
  rows: number;
  rowsPerSecond: number;
  peakResidentMb: number;
  /** The agent's lookups with no batch running, then while it runs. */
  idle: LookupLatency;
  during: LookupLatency;
  counts: RowCounts;
}

export interface BulkOptions {
  rows: number;
  concurrency: number;
  /** Lookups measured with no batch running (during the batch: as many as fit). */
  lookups: number;
  warmRounds: number;
  label: string;
}

const notSucceeded = (counts: RowCounts) =>
  (Object.entries(counts) as [keyof RowCounts, number][]).reduce(
    (sum, [name, n]) => (name === "succeeded" ? sum : sum + n),
    0,
  );

async function runBatch(database: Database, dataDir: string, options: BulkOptions): Promise<BulkRun> {
  const { rows, label } = options;
  const sandbox = await startSandbox();
  let console_: Awaited<ReturnType<typeof startConsole>> | undefined;
  let batchId: string | undefined;
  let memory: ReturnType<typeof sampleResident> | undefined;
  try {
    progress(`${label}: ${rows} sandbox customers`);
    await seedCustomers(sandbox.url, rows);
    console_ = await startConsole(database, sandbox.url, { keepDataIn: dataDir, agent: true });
    const base = console_.url;
    const people = await customers(sandbox.url);
    const agent = { email: AGENT_EMAIL };
    progress(`${label}: ${options.lookups} lookups by an agent, no batch running`);
    const idle = await lookupLatency(console_, sandbox, people, options.lookups, options.warmRounds, agent);
    const cookie = await signIn(base, BENCH_EMAIL, BENCH_PASSWORD);
    memory = sampleResident(console_.pid);
    batchId = await uploadBatch(base, cookie, grantsFile(rows), options.concurrency);
    const draft = await batchProgress(base, cookie, batchId);
    if (draft.status !== "draft" || draft.counts.ready !== rows)
      throw new Error(`the uploaded batch is not ${rows} ready rows: ${draft.status} ${JSON.stringify(draft.counts)}`);
    progress(`${label}: ${rows} grants, concurrency ${options.concurrency}, unlimited rate, the agent looking up`);
    await startBatch(base, cookie, draft);
    let finished = false;
    let failed = false;
    const [done, during] = await Promise.all([
      untilCompleted(base, cookie, batchId, { label, pid: console_.pid, aborted: () => failed }).finally(
        () => (finished = true),
      ),
      lookupLatency(console_, sandbox, people, 0, 0, { ...agent, going: () => !finished }).catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ]);
    return {
      rows,
      rowsPerSecond: rowsPerSecond(done),
      peakResidentMb: memory.stop(),
      idle,
      during,
      counts: done.counts,
    };
  } catch (error) {
    if (!console_ || !batchId) throw error;
    await console_.stop();
    const diagnosis = await batchDiagnosis(database, dataDir, batchId).catch((cause: unknown) => String(cause));
    throw new Error(`${label}: the bulk batch failed: ${(error as Error).message}\n  ${diagnosis}`, { cause: error });
  } finally {
    memory?.stop();
    await console_?.stop();
    await sandbox.stop();
  }
}

function rowsPerSecond(batch: BatchDetail): number {
  if (!batch.startedAt || !batch.finishedAt) throw new Error(`batch ${batch.id} completed without its times`);
  return batch.totalRows / ((batch.finishedAt - batch.startedAt) / 1_000);
}

/** Runs the batch on `database` and adds its figures, against the budgets of docs/performance.md ("Bulk batches"). */
export async function bulkFigures(database: Database, options: BulkOptions, figures: Figure[]): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-bench-bulk-"));
  let run: BulkRun;
  try {
    run = await runBatch(database, dataDir, options);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const { label } = options;
  progress(`${label}: ${run.rows} rows at ${run.rowsPerSecond.toFixed(0)}/s; ${run.during.page.n} lookups beside them`);
  const missing = notSucceeded(run.counts);
  if (missing > 0)
    console.error(`${label}: ${missing} of ${run.rows} bulk rows did not succeed: ${JSON.stringify(run.counts)}`);
  const { idle, during } = run;
  const pglite = database.kind === "pglite";
  figures.push(
    {
      name: `${label}: bulk rows/s, ${run.rows} grants, ${options.concurrency} at once`,
      value: run.rowsPerSecond,
      unit: "/s",
      budget: { min: pglite ? 35 : 60 },
    },
    { name: `${label}: bulk rows not succeeded`, value: missing, unit: "errors", budget: { max: 0 } },
    {
      name: `${label}: console resident memory, peak during the batch`,
      value: run.peakResidentMb,
      unit: "MB",
      budget: { max: pglite ? 650 : 400 },
    },
    { name: `${label}: agent's lookup, no batch, p50`, value: idle.page.p50, unit: "ms" },
    { name: `${label}: agent's lookup, no batch, p95`, value: idle.page.p95, unit: "ms" },
    { name: `${label}: agent's lookup during the batch, p50`, value: during.page.p50, unit: "ms" },
    { name: `${label}: agent's lookup during the batch, p95`, value: during.page.p95, unit: "ms" },
    {
      name: `${label}: lookup added by the batch, p50`,
      value: during.page.p50 - idle.page.p50,
      unit: "ms",
      budget: { max: 100 },
    },
    {
      name: `${label}: lookup added by the batch, p95`,
      value: during.page.p95 - idle.page.p95,
      unit: "ms",
      budget: { max: 250 },
    },
  );
}
