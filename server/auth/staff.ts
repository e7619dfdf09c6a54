import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb, type Database } from "@/server/db";
import { staff } from "@/server/db/schema";
import { hashPassword } from "./passwords";
import type { Role } from "./permissions";
import { endAllSessions } from "./sessions";

export type StaffMember = typeof staff.$inferSelect;

/** A staff row without its secrets, as it may be shown or recorded. */
export type PublicStaffMember = Pick<StaffMember, "id" | "email" | "role" | "enabled">;
export const publicStaffMember = ({ id, email, role, enabled }: StaffMember): PublicStaffMember => ({
  id,
  email,
  role,
  enabled,
});

/** Emails are compared lower-cased and trimmed everywhere. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findStaffByEmail(email: string): Promise<StaffMember | undefined> {
  const db = await getDb();
  const [member] = await db
    .select()
    .from(staff)
    .where(eq(staff.email, normaliseEmail(email)));
  return member;
}

export async function listStaff(): Promise<StaffMember[]> {
  const db = await getDb();
  return db.select().from(staff).orderBy(asc(staff.email));
}

export class StaffExistsError extends Error {
  override name = "StaffExistsError";
}

export async function addStaff(input: {
  email: string;
  role: Role;
  password?: string;
  displayName?: string;
}): Promise<StaffMember> {
  const db = await getDb();
  const [created] = await db
    .insert(staff)
    .values({
      email: normaliseEmail(input.email),
      role: input.role,
      displayName: input.displayName ?? null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
    })
    .onConflictDoNothing({ target: staff.email })
    .returning();
  if (!created) throw new StaffExistsError(`${normaliseEmail(input.email)} is already a staff member.`);
  return created;
}

/** Updates one row; `db` may be a transaction the caller holds. */
async function update(
  id: string,
  changes: Partial<typeof staff.$inferInsert>,
  db?: Database,
): Promise<StaffMember | undefined> {
  db ??= await getDb();
  const [updated] = await db
    .update(staff)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(staff.id, id))
    .returning();
  return updated;
}

export class LastAdminError extends Error {
  override name = "LastAdminError";
}

/** Arbitrary constant: every change that could remove an enabled admin takes turns on it. */
const KEEP_AN_ADMIN_LOCK = 7_271_013;

/**
 * The console must keep at least one enabled admin, or nobody could manage staff again.
 * Checking and then updating separately lets two admins removing each other at the same
 * moment both pass the check, leaving none. So the check and the update happen in one
 * transaction that first takes a transaction-scoped advisory lock: such changes run one
 * after another, and each counts the admins the previous one left. (On PGlite, which
 * has a single connection, transactions already run one at a time; the lock costs nothing.)
 */
async function changeKeepingAnAdmin(id: string, changes: { role?: Role; enabled?: boolean }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${KEEP_AN_ADMIN_LOCK})`);
    const [target] = await tx.select().from(staff).where(eq(staff.id, id));
    const removesAnAdmin =
      target?.role === "admin" &&
      target.enabled &&
      ((changes.role ?? "admin") !== "admin" || changes.enabled === false);
    if (removesAnAdmin) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(staff)
        .where(sql`${staff.role} = 'admin' and ${staff.enabled} and ${staff.id} <> ${id}`);
      if ((row?.n ?? 0) === 0) throw new LastAdminError("The console must keep at least one enabled admin.");
    }
    return update(id, changes, tx);
  });
}

export const setStaffRole = (id: string, role: Role) => changeKeepingAnAdmin(id, { role });

/** Disabling also ends the person's sessions, so enabling them later does not revive old ones. */
export async function setStaffEnabled(id: string, enabled: boolean) {
  const updated = await changeKeepingAnAdmin(id, { enabled });
  if (!enabled) await endAllSessions(id);
  return updated;
}
export const revokeStaffSessions = endAllSessions;
/** A new password also ends the person's existing sessions, in case the old one leaked. */
export async function setStaffPassword(id: string, password: string) {
  const updated = await update(id, { passwordHash: await hashPassword(password) });
  await endAllSessions(id);
  return updated;
}

/** The demo accounts of sandbox mode, offered on the sign-in page. Never in live mode. */
export const DEMO_STAFF: { email: string; role: Role }[] = [
  { email: "admin@sandbox.local", role: "admin" },
  { email: "agent@sandbox.local", role: "agent" },
  { email: "viewer@sandbox.local", role: "viewer" },
];
export const DEMO_PASSWORD = "sandbox";

export async function ensureDemoStaff(): Promise<void> {
  for (const demo of DEMO_STAFF) {
    if (await findStaffByEmail(demo.email)) continue;
    try {
      await addStaff({ ...demo, password: DEMO_PASSWORD });
    } catch (error) {
      if (!(error instanceof StaffExistsError)) throw error; // another instance was quicker
    }
  }
}
