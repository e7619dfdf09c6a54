import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "./client";
import { changeLocks } from "./schema";

/**
 * A lease on `key` for `ms`, taken in one statement on the database's clock: granted when
 * nobody holds it, when the holder's lease ran out (a crashed holder needs no cleanup), or
 * when `holder` already has it (renewal). Several instances agree on one holder.
 */
export async function takeLease(db: Database, key: string, holder: string, ms: number): Promise<boolean> {
  const taken = await db
    .insert(changeLocks)
    .values({ key, holder, expiresAt: sql`now() + make_interval(secs => ${ms / 1000})` })
    .onConflictDoUpdate({
      target: changeLocks.key,
      set: { holder, expiresAt: sql`excluded.expires_at` },
      setWhere: sql`${changeLocks.expiresAt} < now() or ${changeLocks.holder} = ${holder}`,
    })
    .returning({ key: changeLocks.key });
  return taken.length > 0;
}

/** Gives a lease back; a holder whose lease was already taken over releases nothing. */
export async function releaseLease(db: Database, key: string, holder: string): Promise<void> {
  await db.delete(changeLocks).where(and(eq(changeLocks.key, key), eq(changeLocks.holder, holder)));
}
