import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/server/db";
import { changeLocks } from "@/server/db/schema";

// A lease on a key in the change_locks table, so that work on one thing (a customer's access
// level, the periodic maintenance) runs one after another across every console instance
// sharing the database. A lease rather than a
// database lock held open: the work inside it waits on Adapty for seconds, which must not
// pin a pooled connection or a transaction. A holder that crashes simply lets its lease
// run out; times are the database's clock, so instances' clocks need not agree.

export interface LeaseOptions {
  /** How long a lease lasts: longer than the work inside it can take, so a live holder never loses it. */
  leaseMs: number;
  /** How long to wait for another holder before giving up. */
  waitMs: number;
}

/**
 * Takes the lease for `holder` if nobody holds the key or the last lease has run out: one
 * statement, so two acquirers at the same moment can never both win.
 */
export async function tryAcquire(db: Database, key: string, holder: string, leaseMs: number): Promise<boolean> {
  const won = await db
    .insert(changeLocks)
    .values({ key, holder, expiresAt: sql`now() + ${Math.round(leaseMs)}::integer * interval '1 millisecond'` })
    .onConflictDoUpdate({
      target: changeLocks.key,
      set: { holder: sql`excluded.holder`, expiresAt: sql`excluded.expires_at` },
      setWhere: sql`${changeLocks.expiresAt} < now()`,
    })
    .returning({ holder: changeLocks.holder });
  return won.length === 1;
}

/** Gives the lease back; does nothing unless `holder` still holds it. True when it did. */
export async function release(db: Database, key: string, holder: string): Promise<boolean> {
  const released = await db
    .delete(changeLocks)
    .where(and(eq(changeLocks.key, key), eq(changeLocks.holder, holder)))
    .returning({ key: changeLocks.key });
  return released.length === 1;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding the lease on `key`, polling every 50–100 ms while someone else
 * holds it; `{ held: false }` when it could not be had within `waitMs` (then `work` never
 * ran). A failure to take it (the database away) is thrown: nothing has been done yet.
 */
export async function withLease<T>(
  db: Database,
  key: string,
  options: LeaseOptions,
  work: () => Promise<T>,
): Promise<{ held: true; value: T } | { held: false }> {
  const holder = crypto.randomUUID();
  const deadline = Date.now() + options.waitMs;
  while (!(await tryAcquire(db, key, holder, options.leaseMs))) {
    if (Date.now() >= deadline) return { held: false };
    await sleep(50 + Math.random() * 50); // jittered, so waiters do not retry in step
  }
  try {
    return { held: true, value: await work() };
  } finally {
    // Never let giving the lease back turn finished work into an error: if the database is
    // away, the lease runs out by itself.
    await release(db, key, holder).then(
      (released) =>
        released || console.error(`Change lease ${key} had run out before its work finished: make the lease longer.`),
      (error: unknown) =>
        console.error(
          `Change lease ${key} could not be released (it will run out): ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
  }
}
