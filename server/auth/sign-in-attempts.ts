import "server-only";
import { rowsOf } from "@/server/db/rows";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/server/db";
import { signInAttempts } from "@/server/db/schema";
import { LOCKOUT_THRESHOLD, LOCKOUT_WINDOW_MS } from "./lockout";

// The brute-force lockout is decided by the database, on the database's clock, one attempt
// at a time per email and per address: several console instances and any number of
// parallel guesses cannot slip a password check past the count (issue: 32 clients on
// PostgreSQL once got 105 checks through a lock decided in JavaScript).

type Executor = Pick<Database, "execute">;
const WINDOW = sql.raw(`interval '${LOCKOUT_WINDOW_MS / 1000} seconds'`);

/**
 * When the lock on this email or this address ends, or null while a password may be tried.
 * A lock ends when the oldest of the newest five failures leaves the 15-minute window, so at
 * most five passwords are ever checked per email (and per address) in any 15 minutes.
 */
async function lockEnd(db: Executor, email: string, clientAddress: string): Promise<Date | null> {
  const failures = (column: string, value: string) => sql`
    select min(attempted_at) + ${WINDOW} as ends, count(*)::int as n from (
      select attempted_at from sign_in_attempts
      where ${sql.raw(column)} = ${value} and not succeeded and attempted_at > now() - ${WINDOW}
      order by attempted_at desc limit ${LOCKOUT_THRESHOLD}
    ) newest`;
  const [row] = rowsOf<{
    email_ends: string | Date | null;
    email_n: number;
    address_ends: string | Date | null;
    address_n: number;
  }>(
    await db.execute(sql`
      select e.ends as email_ends, e.n as email_n, a.ends as address_ends, a.n as address_n
      from (${failures("email", email)}) e, (${failures("client_address", clientAddress)}) a`),
  );
  const ends = [
    row && row.email_n >= LOCKOUT_THRESHOLD ? row.email_ends : null,
    row && row.address_n >= LOCKOUT_THRESHOLD ? row.address_ends : null,
  ]
    .filter((end) => end !== null)
    .map((end) => new Date(end).getTime());
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
}

/** For the sign-in page's message: when the lock ends (read only). */
export async function signInLockedUntil(db: Database, email: string, clientAddress: string): Promise<Date | null> {
  return lockEnd(db, email, clientAddress);
}

/**
 * Decides whether this attempt may check a password and, if so, writes it as a failure in
 * the same transaction — before the password is judged, so parallel guesses count against
 * each other. Attempts on one email or one address take turns on advisory locks held until
 * the row is committed. A refused attempt writes nothing: waiting out the lock always works.
 */
export async function beginSignInAttempt(
  db: Database,
  email: string,
  clientAddress: string,
): Promise<{ attempt: number } | { lockedUntil: Date }> {
  return db.transaction(async (tx) => {
    // Always in the same order, so two attempts never wait for each other's second lock.
    for (const key of [`sign-in email ${email}`, `sign-in address ${clientAddress}`].sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    }
    const lockedUntil = await lockEnd(tx, email, clientAddress);
    if (lockedUntil) return { lockedUntil };
    const [row] = await tx
      .insert(signInAttempts)
      .values({ email, clientAddress, succeeded: false })
      .returning({ id: signInAttempts.id });
    if (!row) throw new Error("sign-in attempt not recorded");
    return { attempt: row.id };
  });
}

export async function markSignInAttemptSucceeded(db: Database, id: number): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, id));
}
