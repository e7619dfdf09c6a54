"use server";

import { resetPasswordSchema } from "@/lib/staff/schema";
import { actionClient } from "@/server/auth/action-client";
import { setStaffPassword } from "@/server/auth/staff";
import { auditedStaffChange } from "./audited-staff-change";

export const resetPasswordAction = actionClient
  .metadata({ permission: "staff.manage", change: "staff.password_reset" })
  .inputSchema(resetPasswordSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { staffId, password } = parsedInput;
    return auditedStaffChange(ctx.staff, "staff.password_reset", { staffId }, () =>
      setStaffPassword(staffId, password),
    );
  });
