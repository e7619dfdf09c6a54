import "server-only";
import { asc, max } from "drizzle-orm";
import { getDb } from "@/server/db";
import { staff, staffSessions } from "@/server/db/schema";

/** The staff table for the staff page, with when each member last signed in (their newest session). */
export async function listStaffWithLastSignIn() {
  const db = await getDb();
  const [members, sessions] = await Promise.all([
    db.select().from(staff).orderBy(asc(staff.email)),
    db
      .select({ staffId: staffSessions.staffId, last: max(staffSessions.startedAt) })
      .from(staffSessions)
      .groupBy(staffSessions.staffId),
  ]);
  const lastSignIn = new Map(sessions.map((session) => [session.staffId, session.last]));
  return members.map((member) => ({ ...member, lastSignedInAt: lastSignIn.get(member.id) ?? null }));
}
