import "server-only";
import { lt } from "drizzle-orm";
import { getAdaptyClient } from "@/server/adapty";
import { summariseRefusals } from "@/server/audit/refusals";
import { getDb } from "@/server/db";
import { forgetOldInstances, heartbeat, HEARTBEAT_MS, instanceId } from "@/server/db/instance";
import { release, tryAcquire } from "@/server/db/lease";
import { changeLocks } from "@/server/db/schema";
import { getEnv } from "@/server/env";
import { sweepOldEvents } from "@/server/webhooks/retention";
import { requeueRunningBatches } from "@/server/bulk/requeue";
import { ownerGoneAfterMs, reconcileOpenChanges, staleAfterMs } from "./reconcile-open-changes";

// The running console's housekeeping, on timers that never keep the process alive:
// a heartbeat (so others can tell this instance is alive), and every
// RECONCILE_INTERVAL_SECONDS one instance at a time settles the changes that a stopped
// instance left open, writes the counts of anonymous refusals into the audit log and
// removes webhook events older than WEBHOOK_RETENTION_DAYS.

const KEY = Symbol.for("adapty-support-console.maintenance");
type Holder = { [KEY]?: boolean };

const LEASE = "maintenance";
/** Longer than a run normally takes; a crashed runner's lease runs out by itself. */
const LEASE_MS = 5 * 60_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Starts the timers once per process (instrumentation calls it at start-up). */
export function startMaintenance(): void {
  const holder = globalThis as Holder;
  if (holder[KEY]) return;
  holder[KEY] = true;
  const beat = () =>
    getDb()
      .then(heartbeat)
      .catch((error: unknown) => console.error(`Heartbeat not written: ${message(error)}`));
  setInterval(() => void beat(), HEARTBEAT_MS).unref();
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await maintainOnce();
    } catch (error) {
      console.error(`Maintenance did not finish: ${message(error)}`);
    } finally {
      running = false;
    }
  };
  setInterval(() => void run(), getEnv().reconcileIntervalMs).unref();
  void beat().then(run);
}

/** One round, if no other instance is doing it right now. */
export async function maintainOnce(): Promise<void> {
  const db = await getDb();
  if (!(await tryAcquire(db, LEASE, instanceId(), LEASE_MS))) return;
  try {
    const timeoutMs = getEnv().adapty.timeoutMs;
    const { settled, left } = await reconcileOpenChanges(db, getAdaptyClient(), {
      staleAfter: staleAfterMs(timeoutMs),
      ownerGoneAfter: ownerGoneAfterMs(timeoutMs),
    });
    if (settled + left > 0)
      console.info(
        `Audit: settled ${settled} changes left open by a stopped console; ${left} still open (Adapty could not tell, or the customer changed since).`,
      );
    await summariseRefusals(db);
    const swept = await sweepOldEvents(db, getEnv().webhook.retentionDays);
    if (swept > 0) console.info(`Webhook events: removed ${swept} received more than WEBHOOK_RETENTION_DAYS ago.`);
    // Running batches whose job chain was lost (every instance stopped mid-slice) go on.
    await requeueRunningBatches(db);
    await forgetOldInstances(db);
    await db.delete(changeLocks).where(lt(changeLocks.expiresAt, new Date(Date.now() - 86_400_000)));
  } finally {
    await release(db, LEASE, instanceId());
  }
}
