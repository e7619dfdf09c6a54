import "server-only";
import { eq } from "drizzle-orm";
import type { ChangeAction } from "@/lib/audit/actions";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { auditedChange } from "@/server/audit/audited-change";
import type { Staff } from "@/server/auth/require-staff";
import { publicStaffMember, type PublicStaffMember, type StaffMember } from "@/server/auth/staff";
import { getDb } from "@/server/db";
import { staff } from "@/server/db/schema";

/** The member a change is about, as the record names them: email, role, enabled (never the hash). */
async function memberBefore(staffId: string): Promise<PublicStaffMember | undefined> {
  const [member] = await (await getDb()).select().from(staff).where(eq(staff.id, staffId));
  return member ? publicStaffMember(member) : undefined;
}

/**
 * A change to the staff table, through the same write-ahead audit trail as changes sent
 * to Adapty. `params` describe the change for the record — never a password. A change to
 * an existing member (`staffId`) records them by email, with the row before and after.
 */
export async function auditedStaffChange(
  actor: Staff,
  action: ChangeAction,
  params: Record<string, unknown>,
  change: () => Promise<StaffMember | undefined>,
): Promise<ChangeOutcome<PublicStaffMember | null>> {
  const before = typeof params.staffId === "string" ? await memberBefore(params.staffId) : undefined;
  return auditedChange({
    actor,
    action,
    target: {},
    params: before ? { ...params, email: before.email } : params,
    accessBefore: before,
    // What is recorded is the row without its password hash: audit rows are kept forever.
    send: async () => {
      const member = await change();
      return { value: member ? publicStaffMember(member) : null };
    },
    describeAfter: (member) => member,
    answer: (member) => member,
    refusal: (failure) => {
      if (failure.errorName === "StaffExistsError")
        return { key: "Staff.exists", values: { email: String(params.email) } };
      if (failure.errorName === "LastAdminError") return "Staff.lastAdmin";
      return undefined;
    },
  });
}

/** Admins may not demote or disable themselves: the console must always keep an admin. */
export function refuseChangesToSelf(actor: Staff, staffId: string): ChangeOutcome<never> | undefined {
  return actor.id === staffId ? { outcome: "refused", message: "Staff.notYourself" } : undefined;
}
