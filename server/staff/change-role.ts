"use server";

import { revalidatePath } from "next/cache";
import { changeRoleSchema } from "@/lib/staff/schema";
import { actionClient } from "@/server/auth/action-client";
import { setStaffRole } from "@/server/auth/staff";
import { auditedStaffChange, refuseChangesToSelf } from "./audited-staff-change";

export const changeRoleAction = actionClient
  .metadata({ permission: "staff.manage", change: "staff.role_changed" })
  .inputSchema(changeRoleSchema)
  .action(async ({ parsedInput, ctx }) => {
    const refused = refuseChangesToSelf(ctx.staff, parsedInput.staffId);
    if (refused) return refused;
    const outcome = await auditedStaffChange(ctx.staff, "staff.role_changed", parsedInput, () =>
      setStaffRole(parsedInput.staffId, parsedInput.role),
    );
    revalidatePath("/staff");
    return outcome;
  });
