import "server-only";
import type { ChangeAction } from "@/lib/audit/actions";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { auditedChange } from "@/server/audit/audited-change";
import type { Staff } from "@/server/auth/require-staff";
import { publicStaffMember, type PublicStaffMember, type StaffMember } from "@/server/auth/staff";

/**
 * A change to the staff table, through the same write-ahead audit trail as changes sent
 * to Adapty. `params` describe the change for the record — never a password.
 */
export function auditedStaffChange(
  actor: Staff,
  action: ChangeAction,
  params: Record<string, unknown>,
  change: () => Promise<StaffMember | undefined>,
): Promise<ChangeOutcome<PublicStaffMember | null>> {
  return auditedChange({
    actor,
    action,
    target: {},
    params,
    // What is recorded is the row without its password hash: audit rows are kept forever.
    send: async () => {
      const member = await change();
      return { value: member ? publicStaffMember(member) : null };
    },
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
