import "server-only";
import { getTranslations } from "next-intl/server";
import type { ChangeAction } from "@/lib/audit-actions";
import { getAuditLog, recordChange } from "@/server/audit";
import { requestContext } from "@/server/audit/request-context";
import type { Staff } from "@/server/auth/require-staff";
import { publicStaffMember, type PublicStaffMember, type StaffMember } from "@/server/auth/staff";
import { ActionRefusal } from "../safe-action";

/**
 * A change to the staff table, through the same write-ahead audit trail as changes sent
 * to Adapty. `params` describe the change for the record — never a password.
 */
export async function auditedStaffChange(
  actor: Staff,
  action: ChangeAction,
  params: Record<string, unknown>,
  change: () => Promise<StaffMember | undefined>,
): Promise<PublicStaffMember | null> {
  const result = await recordChange(await getAuditLog(), {
    actor,
    action,
    target: {},
    params,
    context: await requestContext(),
    // What is recorded is the row without its password hash: audit rows are kept forever.
    send: async () => {
      const member = await change();
      return { value: member ? publicStaffMember(member) : null };
    },
  });
  if (result.outcome === "succeeded") return result.value;
  const t = await getTranslations("Staff");
  if (result.failure.errorName === "StaffExistsError")
    throw new ActionRefusal(t("exists", { email: String(params.email) }));
  if (result.failure.errorName === "LastAdminError") throw new ActionRefusal(t("lastAdmin"));
  throw new Error(`${action} failed`);
}
