import "server-only";
import { sql } from "drizzle-orm";
import type { BatchDetail } from "@/lib/bulk/view";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { openDatabase } from "@/server/db/client";
import { rowsOf } from "@/server/db/rows";
import { type Database, residentMb, SANDBOX_KEY } from "./processes";
import { callAction, mountedAction } from "./session";
import { progress } from "./stats";

// A bulk batch as its pages drive it, without a browser: customers in the sandbox, the file,
// the upload route, the start action, the progress route; and, when a batch goes wrong, what
// its rows and jobs say in the database.

export const bulkCustomer = (index: number) => `bench-bulk-${index}`;

/** `count` sandbox customers without access (copies of a demo profile), `parallel` requests in flight. */
export async function seedCustomers(sandboxUrl: string, count: number, parallel = 32): Promise<void> {
  let next = 0;
  const sender = async () => {
    while (next < count) {
      const customerUserId = bulkCustomer(next++);
      const response = await fetch(`${sandboxUrl}/__sandbox/profiles`, {
        method: "POST",
        headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "Content-Type": "application/json" },
        body: JSON.stringify({ customer_user_id: customerUserId, like: "demo-no-access" }),
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`copying a sandbox customer answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, sender));
}

/** A grant of premium for 7 days to each of the first `rows` bench customers. */
export const grantsFile = (rows: number) =>
  [
    "customer_user_id,access_level_id,duration",
    ...Array.from({ length: rows }, (_, i) => `${bulkCustomer(i)},premium,7d`),
  ]
    .join("\n")
    .concat("\n");

/** POST /bulk/upload as the upload form sends it; the draft batch's id. */
export async function uploadBatch(base: string, cookie: string, file: string, concurrency: number): Promise<string> {
  const form = new FormData();
  form.append("file", new Blob([file], { type: "text/csv" }), "bench-grants.csv");
  for (const [name, value] of Object.entries({
    zone: "UTC",
    reason: "Benchmark: bulk grant",
    ticket: "",
    ratePerSecond: "", // unlimited
    concurrency: String(concurrency),
  }))
    form.append(name, value);
  const response = await fetch(`${base}/bulk/upload`, {
    method: "POST",
    headers: { cookie, origin: base },
    body: form,
  });
  const answer = (await response.json().catch(() => ({}))) as ChangeOutcome<{ batchId: string }>;
  if (answer.outcome !== "succeeded")
    throw new Error(`the upload answered ${response.status}: ${JSON.stringify(answer).slice(0, 500)}`);
  return answer.value.batchId;
}

/** GET /bulk/<id>/progress, as the batch's page polls it. */
export async function batchProgress(base: string, cookie: string, batchId: string): Promise<BatchDetail> {
  const response = await fetch(`${base}/bulk/${batchId}/progress`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`the progress of batch ${batchId} answered ${response.status}`);
  return (await response.json()) as BatchDetail;
}

/** The Start button: startBatchAction on the batch's page, with the version the page saw. */
export async function startBatch(base: string, cookie: string, batch: BatchDetail): Promise<void> {
  const action = mountedAction("startBatchAction");
  const at = action.route.replace("[id]", batch.id);
  const answer = (await callAction(base, cookie, action.id, at, [
    { batchId: batch.id, version: batch.version },
  ])) as ChangeOutcome<{ status: string }>;
  if (answer.outcome !== "succeeded" || answer.value.status !== "running")
    throw new Error(`starting batch ${batch.id} answered ${JSON.stringify(answer).slice(0, 500)}`);
}

const settled = (batch: BatchDetail) => batch.totalRows - batch.counts.ready - batch.counts.sending;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The batch page's own polling interval (components/bulk/use-batch-progress.ts). */
const POLL_MS = 1_000;

/**
 * Polls the progress route, as the batch's page does, until the batch is completed; throws when it stops otherwise, or
 * when no row has settled for `stallMs` (a batch that never completes), or once `aborted()`.
 */
export async function untilCompleted(
  base: string,
  cookie: string,
  batchId: string,
  { label, pid, aborted, stallMs = 60_000 }: { label: string; pid: number; aborted: () => boolean; stallMs?: number },
): Promise<BatchDetail> {
  let last = -1;
  let lastChange = Date.now();
  let lastReport = Date.now();
  for (;;) {
    const batch = await batchProgress(base, cookie, batchId);
    if (batch.status === "completed") return batch;
    if (batch.status !== "running")
      throw new Error(`batch ${batchId} is ${batch.status}, not completed: ${JSON.stringify(batch.counts)}`);
    if (settled(batch) !== last) [last, lastChange] = [settled(batch), Date.now()];
    if (Date.now() - lastChange > stallMs)
      throw new Error(`batch ${batchId}: no row settled for ${stallMs / 1000} s: ${JSON.stringify(batch.counts)}`);
    if (aborted()) throw new Error(`batch ${batchId}: stopped waiting (the lookups beside it failed)`);
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      progress(
        `${label}: ${last} of ${batch.totalRows} rows settled, ${batch.rowsPerSecond?.toFixed(0) ?? "?"} rows/s, console ${residentMb(pid).toFixed(0)} MB`,
      );
    }
    await sleep(POLL_MS);
  }
}

/** What the database holds about a batch: its rows by state and outcome, and the queue's jobs by state. */
export async function batchDiagnosis(database: Database, dataDir: string, batchId: string): Promise<string> {
  const handle = await openDatabase({ databaseUrl: database.kind === "postgres" ? database.url : undefined, dataDir });
  try {
    const rows = rowsOf<{ state: string; outcome: string | null; n: number }>(
      await handle.db.execute(
        sql`select state, outcome, count(*)::int as n from bulk_rows where batch_id = ${batchId} group by 1, 2 order by 1, 2`,
      ),
    );
    const jobs = await handle.db
      .execute(sql`select name, state::text, count(*)::int as n from pgboss.job group by 1, 2 order by 1, 2`)
      .then((result) => rowsOf<{ name: string; state: string; n: number }>(result))
      .catch(() => []);
    const errors = await handle.db
      .execute(sql`select distinct output::text as output from pgboss.job where output is not null limit 3`)
      .then((result) => rowsOf<{ output: string }>(result).map((row) => row.output.slice(0, 600)))
      .catch(() => []);
    const list = (found: { n: number }[]) => found.map((row) => JSON.stringify(row)).join(", ") || "none";
    return `bulk_rows (state, outcome, count): ${list(rows)}; pgboss jobs (name, state, count): ${list(jobs)}; job outputs: ${errors.join(" | ") || "none"}`;
  } finally {
    await handle.close();
  }
}
