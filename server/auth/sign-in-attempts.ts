import "server-only";
import { and, desc, eq, gt, ne } from "drizzle-orm";
import { getDb } from "@/server/db";
import { signInAttempts } from "@/server/db/schema";
import { LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MS, lockedUntil } from "./lockout";

/** When the lock on this email or this address ends, or null when sign-in may be tried. */
export async function signInLockedUntil(email: string, clientAddress: string, excludeAttempt?: number, now = new Date()): Promise<Date | null> {
  const db = await getDb();
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const recentFailures = (key: typeof signInAttempts.email | typeof signInAttempts.clientAddress, value: string) =>
    db
      .select({ at: signInAttempts.attemptedAt })
      .from(signInAttempts)
      .where(
        and(
          eq(key, value),
          eq(signInAttempts.succeeded, false),
          gt(signInAttempts.attemptedAt, since),
          excludeAttempt === undefined ? undefined : ne(signInAttempts.id, excludeAttempt),
        ),
      )
      .orderBy(desc(signInAttempts.attemptedAt))
      .limit(LOCKOUT_THRESHOLD);
  const [byEmail, byAddress] = await Promise.all([
    recentFailures(signInAttempts.email, email),
    recentFailures(signInAttempts.clientAddress, clientAddress),
  ]);
  const ends = [lockedUntil(byEmail.map((r) => r.at), now), lockedUntil(byAddress.map((r) => r.at), now)].filter(
    (end): end is Date => end !== null,
  );
  return ends.length > 0 ? new Date(Math.max(...ends.map((end) => end.getTime()))) : null;
}

/** Writes an attempt as failed, before it is judged; returns its id. */
export async function beginSignInAttempt(email: string, clientAddress: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.insert(signInAttempts).values({ email, clientAddress, succeeded: false }).returning({ id: signInAttempts.id });
  if (!row) throw new Error("sign-in attempt not recorded");
  return row.id;
}

export async function markSignInAttemptSucceeded(id: number): Promise<void> {
  const db = await getDb();
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, id));
}

export async function forgetSignInAttempt(id: number): Promise<void> {
  const db = await getDb();
  await db.delete(signInAttempts).where(eq(signInAttempts.id, id));
}
