import "server-only";
import { hostname } from "node:os";
import { lt, sql } from "drizzle-orm";
import type { Database } from "./client";
import { consoleInstances } from "./schema";

// Each console process has an id of its own, written on every change's audit row and kept
// alive by a heartbeat. When the heartbeat stops (a crash, kill -9, a lost machine) any
// other instance knows at once that the rows that process left open are nobody's work now.

const KEY = Symbol.for("adapty-support-console.instance-id");
type Holder = { [KEY]?: string };

/** This process's instance id (one per process, whichever Next.js bundle asks). */
export function instanceId(): string {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= crypto.randomUUID());
}

export const HEARTBEAT_MS = 10_000;
/** Three missed heartbeats: the process is gone. */
export const INSTANCE_DEAD_AFTER_MS = 3 * HEARTBEAT_MS;

/** Registers this process, or says it is still alive. */
export async function heartbeat(db: Database): Promise<void> {
  await db
    .insert(consoleInstances)
    .values({ id: instanceId(), host: hostname().slice(0, 200), pid: process.pid })
    .onConflictDoUpdate({ target: consoleInstances.id, set: { heartbeatAt: sql`now()` } });
}

/** SQL: true when the instance id in `column` has no recent heartbeat (and is not this process). */
export const instanceIsDead = (
  column: unknown,
) => sql`(${column} is not null and ${column} <> ${instanceId()} and not exists (
  select 1 from ${consoleInstances} where ${consoleInstances.id} = ${column}
    and ${consoleInstances.heartbeatAt} > now() - make_interval(secs => ${INSTANCE_DEAD_AFTER_MS / 1000})))`;

/** Instances silent for a day are history. */
export async function forgetOldInstances(db: Database): Promise<void> {
  await db.delete(consoleInstances).where(lt(consoleInstances.heartbeatAt, sql`now() - interval '1 day'`));
}
