"use server";

import { revalidatePath } from "next/cache";
import { setEnabledSchema } from "@/lib/staff/schema";
import { actionClient } from "@/server/auth/action-client";
import { setStaffEnabled } from "@/server/auth/staff";
import { auditedStaffChange, refuseChangesToSelf } from "./audited-staff-change";

export const setEnabledAction = actionClient
  .metadata({
    permission: "staff.manage",
    change: (input) => (input.enabled === false ? "staff.disabled" : "staff.enabled"),
  })
  .inputSchema(setEnabledSchema)
  .action(async ({ parsedInput, ctx }) => {
    const refused = refuseChangesToSelf(ctx.staff, parsedInput.staffId);
    if (refused) return refused;
    const action = parsedInput.enabled ? "staff.enabled" : "staff.disabled";
    const outcome = await auditedStaffChange(ctx.staff, action, parsedInput, () =>
      setStaffEnabled(parsedInput.staffId, parsedInput.enabled),
    );
    revalidatePath("/staff");
    return outcome;
  });
