import "server-only";
import { eq } from "drizzle-orm";
import { can } from "@/server/auth/permissions";
import type { Staff } from "@/server/auth/require-staff";
import type { Database } from "@/server/db";
import { staff } from "@/server/db/schema";

/**
 * The member who started a batch, as the staff table says now: every row is sent as them
 * and held to their grant policy, so a member disabled or demoted mid-batch stops it.
 */
export async function currentStarter(db: Database, id: string): Promise<Staff | undefined> {
  const [member] = await db.select().from(staff).where(eq(staff.id, id));
  if (!member || !member.enabled || !can(member.role, "bulk.run")) return undefined;
  return {
    id: member.id,
    email: member.email,
    role: member.role,
    displayName: member.displayName,
    language: member.language,
  };
}
