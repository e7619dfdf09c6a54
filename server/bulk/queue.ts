import "server-only";
import PgBoss from "pg-boss";
import { getDatabaseHandle } from "@/server/db";
import { checkBatch } from "./check";
import { CHAINS, driveBatch } from "./drive";

// The job queue: pg-boss, on the console's own database (PostgreSQL, or the embedded PGlite
// through pg-boss's option for a given connection; docs/decisions.md). A job only says
// "drive this batch for a slice"; the rows are the truth (server/bulk/claims.ts), so a job
// run twice, or by two instances at once, never sends a row twice.
//
// Each batch has two job chains (so two instances can share it); a chain's job, at the end
// of its slice, queues the next. The queue's `short` policy keeps at most one queued job
// per chain, so a restart or the maintenance round can re-queue a chain without doubling it.
// A job whose instance died expires after EXPIRE_SECONDS and is retried by pg-boss.

const SEND = "bulk-send";
const CHECK = "bulk-check";
const EXPIRE_SECONDS = 120;
/** Jobs one instance works on at once (of any batches). */
const WORKERS = 4;

type JobData = { batchId: string; chain: number };

const KEY = Symbol.for("adapty-support-console.job-queue");
type Holder = { [KEY]?: Promise<PgBoss> };

async function openQueue(): Promise<PgBoss> {
  const handle = await getDatabaseHandle();
  const boss = new PgBoss({
    ...handle.queue,
    ...("connectionString" in handle.queue ? { max: 4 } : {}),
    schema: "pgboss",
    application_name: "adapty-support-console",
    // pg-boss's own housekeeping (expiring the jobs of a dead instance), often enough to notice in a minute.
    maintenanceIntervalSeconds: 30,
    schedule: false,
  });
  boss.on("error", (error: Error) => console.error(`Job queue: ${error.message}`));
  await boss.start();
  for (const name of [SEND, CHECK])
    if (!(await boss.getQueue(name)))
      await boss.createQueue(name, {
        name,
        policy: "short",
        expireInSeconds: EXPIRE_SECONDS,
        retryLimit: 1_000,
        retryDelay: 2,
        retentionMinutes: 60,
      });
  return boss;
}

/** The process's queue, opened once (server/boot.ts starts its workers). */
export function getQueue(): Promise<PgBoss> {
  const holder = globalThis as Holder;
  holder[KEY] ??= openQueue().catch((error: unknown) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

const chainKey = (name: string, { batchId, chain }: JobData) => `${name}:${batchId}:${chain}`;

async function queueChain(name: string, data: JobData): Promise<void> {
  await (await getQueue()).send(name, data, { singletonKey: chainKey(name, data) });
}

/** Queues the batch's sending (again): a started or resumed batch, a restart, the maintenance round. */
export async function queueBatch(batchId: string): Promise<void> {
  for (let chain = 0; chain < CHAINS; chain++) await queueChain(SEND, { batchId, chain });
}

/** Queues the batch's dry run (one chain: nothing is sent, and it is read at the batch's rate). */
export async function queueCheck(batchId: string): Promise<void> {
  await queueChain(CHECK, { batchId, chain: 0 });
}

/** Starts this instance's workers (once per process). */
export async function startBulkWorkers(): Promise<void> {
  const boss = await getQueue();
  const work = async (name: string, drive: (batchId: string) => Promise<"more" | "finished">) => {
    for (let worker = 0; worker < WORKERS; worker++)
      await boss.work<JobData>(name, { pollingIntervalSeconds: 1 }, async ([job]) => {
        if (!job) return;
        try {
          if ((await drive(job.data.batchId)) === "more") await queueChain(name, job.data);
        } catch (error) {
          // pg-boss retries the job; the engineer reads why here.
          console.error(
            `Bulk batch ${job.data.batchId}: ${name} job failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          throw error;
        }
      });
  };
  await work(SEND, driveBatch);
  await work(CHECK, checkBatch);
}
