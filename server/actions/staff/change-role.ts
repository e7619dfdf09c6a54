"use server";

import { revalidatePath } from "next/cache";
import { changeRoleSchema } from "@/lib/schemas/staff";
import { setStaffRole } from "@/server/auth/staff";
import { actionClient } from "../safe-action";
import { auditedStaffChange } from "./audited";
import { refuseChangesToSelf } from "./guard-self";

export const changeRoleAction = actionClient
  .metadata({ permission: "staff.manage" })
  .inputSchema(changeRoleSchema)
  .action(async ({ parsedInput, ctx }) => {
    await refuseChangesToSelf(ctx.staff, parsedInput.staffId);
    const updated = await auditedStaffChange(ctx.staff, "staff.role_changed", parsedInput, () =>
      setStaffRole(parsedInput.staffId, parsedInput.role),
    );
    revalidatePath("/staff");
    return { updated: Boolean(updated) };
  });
