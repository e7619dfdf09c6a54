import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { staff, staffSessions } from "@/server/db/schema";
import { getEnv } from "@/server/env";
import type { StaffMember } from "./staff";

// A session cookie only names a session; the staff_sessions row decides whether it still
// lives, on the database's clock. So signing out (here or on another device), disabling, a
// password reset, the absolute limit and the idle limit all end it at once, whatever the
// cookie says and however often next-auth re-issues it.

/** Touching last_seen_at on every request would write on every request; once a minute is enough for an idle limit. */
const TOUCH_AFTER_SECONDS = 60;

/** Starts a session for a member who just signed in; its id goes into the cookie. */
export async function startSession(staffId: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(staffSessions).values({ staffId }).returning({ id: staffSessions.id });
  if (!row) throw new Error("session not recorded");
  return row.id;
}

export type SessionState = { member: StaffMember; live: true } | { member: StaffMember | undefined; live: false };

/** The member behind a session cookie, and whether the session is still live (not ended, too old or idle). */
export async function sessionState(sessionId: string, staffId: string): Promise<SessionState> {
  const uuid = /^[0-9a-f-]{36}$/i;
  if (!uuid.test(sessionId) || !uuid.test(staffId)) return { member: undefined, live: false };
  const { maxAgeMs, idleMs } = getEnv().session;
  const db = await getDb();
  const [row] = await db
    .select({
      member: staff,
      live: sql<boolean>`(${staffSessions.endedAt} is null
        and ${staffSessions.startedAt} > now() - make_interval(secs => ${maxAgeMs / 1000})
        and ${staffSessions.lastSeenAt} > now() - make_interval(secs => ${idleMs / 1000}))`,
      touch: sql<boolean>`${staffSessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_AFTER_SECONDS})`,
    })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(and(eq(staffSessions.id, sessionId), eq(staffSessions.staffId, staffId)));
  if (!row) return { member: undefined, live: false };
  if (!row.live) return { member: row.member, live: false };
  if (row.touch)
    await db
      .update(staffSessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(staffSessions.id, sessionId));
  return { member: row.member, live: true };
}

/** Signing out on this device. */
export async function endSession(sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  const db = await getDb();
  await db
    .update(staffSessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.endedAt)));
}

/** Signing out everywhere: every session this person has, on every device. */
export async function endAllSessions(staffId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(staffSessions)
    .set({ endedAt: sql`now()` })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.endedAt)));
}
