"use server";

import { revalidatePath } from "next/cache";
import { setEnabledSchema } from "@/lib/schemas/staff";
import { setStaffEnabled } from "@/server/auth/staff";
import { actionClient } from "../safe-action";
import { auditedStaffChange } from "./audited";
import { refuseChangesToSelf } from "./guard-self";

export const setEnabledAction = actionClient
  .metadata({ permission: "staff.manage" })
  .inputSchema(setEnabledSchema)
  .action(async ({ parsedInput, ctx }) => {
    await refuseChangesToSelf(ctx.staff, parsedInput.staffId);
    const action = parsedInput.enabled ? "staff.enabled" : "staff.disabled";
    const updated = await auditedStaffChange(ctx.staff, action, parsedInput, () =>
      setStaffEnabled(parsedInput.staffId, parsedInput.enabled),
    );
    revalidatePath("/staff");
    return { updated: Boolean(updated) };
  });
