import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { staff } from "@/server/db/schema";
import { hashPassword } from "./passwords";
import type { Role } from "./permissions";

export type StaffMember = typeof staff.$inferSelect;

/** Emails are compared lower-cased and trimmed everywhere. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findStaffByEmail(email: string): Promise<StaffMember | undefined> {
  const db = await getDb();
  const [member] = await db.select().from(staff).where(eq(staff.email, normaliseEmail(email)));
  return member;
}

export async function findStaffById(id: string): Promise<StaffMember | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const db = await getDb();
  const [member] = await db.select().from(staff).where(eq(staff.id, id));
  return member;
}

export async function listStaff(): Promise<StaffMember[]> {
  const db = await getDb();
  return db.select().from(staff).orderBy(asc(staff.email));
}

export class StaffExistsError extends Error {
  override name = "StaffExistsError";
}

export async function addStaff(input: { email: string; role: Role; password?: string; displayName?: string }): Promise<StaffMember> {
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

async function update(id: string, changes: Partial<typeof staff.$inferInsert>): Promise<StaffMember | undefined> {
  const db = await getDb();
  const [updated] = await db
    .update(staff)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(staff.id, id))
    .returning();
  return updated;
}

export const setStaffRole = (id: string, role: Role) => update(id, { role });
export const setStaffEnabled = (id: string, enabled: boolean) => update(id, { enabled });
export const revokeStaffSessions = (id: string) => update(id, { sessionsRevokedAt: new Date() });
/** A new password also ends the person's existing sessions, in case the old one leaked. */
export const setStaffPassword = async (id: string, password: string) =>
  update(id, { passwordHash: await hashPassword(password), sessionsRevokedAt: new Date() });

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
