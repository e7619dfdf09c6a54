"use server";

import { resetPasswordSchema } from "@/lib/schemas/staff";
import { setStaffPassword } from "@/server/auth/staff";
import { actionClient } from "../safe-action";
import { auditedStaffChange } from "./audited";

export const resetPasswordAction = actionClient
  .metadata({ permission: "staff.manage" })
  .inputSchema(resetPasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { staffId, password } = parsedInput;
    const updated = await auditedStaffChange(ctx.staff, "staff.password_reset", { staffId }, () =>
      setStaffPassword(staffId, password),
    );
    return { updated: Boolean(updated) };
  });
