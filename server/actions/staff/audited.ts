import "server-only";
import { getTranslations } from "next-intl/server";
import type { ChangeAction } from "@/lib/audit-actions";
import { getAuditLog, recordChange } from "@/server/audit";
import { requestContext } from "@/server/audit/request-context";
import type { Staff } from "@/server/auth/require-staff";
import { ActionRefusal } from "../safe-action";

/**
 * A change to the staff table, through the same write-ahead audit trail as changes sent
 * to Adapty. `params` describe the change for the record — never a password.
 */
export async function auditedStaffChange<T>(actor: Staff, action: ChangeAction, params: Record<string, unknown>, change: () => Promise<T>): Promise<T> {
  const result = await recordChange(await getAuditLog(), {
    actor,
    action,
    target: {},
    params,
    context: await requestContext(),
    send: async () => ({ value: await change() }),
  });
  if (result.outcome === "succeeded") return result.value;
  if (result.failure.errorName === "StaffExistsError") {
    throw new ActionRefusal((await getTranslations("Staff"))("exists", { email: String(params.email) }));
  }
  throw new Error(`${action} failed`);
}
