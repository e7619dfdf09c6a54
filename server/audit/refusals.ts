import "server-only";
import { and, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/server/db";
import { anonymousRefusals, auditEvents } from "@/server/db/schema";
import { createAuditLog, type AuditEvent } from "./log";

// Refusals that nobody signed in caused (no session, a junk or ended cookie, sign-ins that
// checked no password or named no staff member) cost an attacker nothing, so one audit row
// each would let one client write gigabytes a day. Instead each window, action and address
// (and, for sign-ins, email tried) gets one row for its first refusal and, once the window
// closes, one row with how many more there were. A window that already counts MAX_SUBJECTS addresses counts the rest
// under "other", so rotating addresses cannot multiply rows either.

export const REFUSAL_WINDOW_SECONDS = 600;
export const MAX_SUBJECTS = 50;
const OTHER = "other";

const windowStart = sql`date_bin(make_interval(secs => ${REFUSAL_WINDOW_SECONDS}), now(), timestamptz '2000-01-01 00:00:00+00')`;

/**
 * What a refusal is counted under: its address; for a sign-in, the address and the email
 * tried, so that each email someone tried shows once (the cap still bounds a rotation).
 */
const subjectOf = (event: AuditEvent) =>
  event.action === "auth.sign_in_failed" && event.actor?.email
    ? `${event.context.clientAddress} ${event.actor.email}`
    : event.context.clientAddress;

/**
 * Counts a refusal; writes its audit row only when it is the first of its window and
 * subject. Answers how many of them this window and subject now hold (a rate limit's count).
 */
export async function recordCountedRefusal(db: Database, event: AuditEvent): Promise<number> {
  const address = subjectOf(event);
  const sample = {
    actorEmail: event.actor?.email ?? null,
    detail: event.detail ?? null,
    params: event.params ?? null,
    userAgent: event.context.userAgent,
  };
  // One statement, so parallel refusals agree on who was first (the upsert's row lock).
  const result: unknown = await db.execute(sql`
    insert into anonymous_refusals (window_start, action, subject, sample)
    select ${windowStart}, ${event.action},
      case when exists (select 1 from anonymous_refusals where window_start = ${windowStart} and action = ${event.action} and subject = ${address})
             or (select count(*) from anonymous_refusals where window_start = ${windowStart} and action = ${event.action}) < ${MAX_SUBJECTS}
           then ${address} else ${OTHER} end,
      ${JSON.stringify(sample)}::jsonb
    on conflict (window_start, action, subject) do update set count = anonymous_refusals.count + 1, last_at = now()
    returning count, subject`);
  const [row] = (result as { rows: { count: number; subject: string }[] }).rows;
  if (row?.count !== 1) return row?.count ?? 0;
  await createAuditLog(db).record(
    row.subject === OTHER
      ? {
          ...event,
          detail:
            `${event.detail ?? ""} (first from an address beyond the ${MAX_SUBJECTS} counted in this window)`.trim(),
        }
      : event,
  );
  return 1;
}

/**
 * For every closed window whose address was refused more than once: one audit row saying
 * how many more refusals there were, between when and when. Marked and written in one
 * transaction, so several instances never write a summary twice and a crash loses none.
 */
export async function summariseRefusals(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(anonymousRefusals)
      .set({ summarisedAt: sql`now()` })
      .where(and(isNull(anonymousRefusals.summarisedAt), lt(anonymousRefusals.windowStart, sql`${windowStart}`)))
      .returning();
    const repeated = closed.filter((row) => row.count > 1);
    if (repeated.length > 0) {
      await tx.insert(auditEvents).values(
        repeated.map((row) => {
          const sample = (row.sample ?? {}) as {
            actorEmail?: string | null;
            detail?: string | null;
            userAgent?: string;
          };
          return {
            action: row.action,
            actorEmail: sample.actorEmail ?? null,
            outcome: "failed" as const,
            params: {
              repeated: row.count - 1,
              first_at: row.firstAt.toISOString(),
              last_at: row.lastAt.toISOString(),
              window_seconds: REFUSAL_WINDOW_SECONDS,
            },
            detail:
              `${row.count - 1} more like this from ${row.subject === OTHER ? "other addresses" : row.subject.split(" ")[0]} between ${row.firstAt.toISOString()} and ${row.lastAt.toISOString()}${sample.detail ? ` (first: ${sample.detail})` : ""}`.slice(
                0,
                500,
              ),
            clientAddress: row.subject === OTHER ? null : row.subject.split(" ")[0],
            userAgent: sample.userAgent ?? null,
            completedAt: sql`now()`,
          };
        }),
      );
    }
    // The counts are not the record (the audit rows are): a day is plenty to keep them.
    await tx.delete(anonymousRefusals).where(lt(anonymousRefusals.windowStart, sql`now() - interval '1 day'`));
    return repeated.length;
  });
}
