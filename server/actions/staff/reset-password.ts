"use server";

import { resetPasswordSchema } from "@/lib/schemas/staff";
import { setStaffPassword } from "@/server/auth/staff";
import { actionClient } from "../safe-action";

export const resetPasswordAction = actionClient
  .metadata({ permission: "staff.manage" })
  .inputSchema(resetPasswordSchema)
  .action(async ({ parsedInput }) => {
    const updated = await setStaffPassword(parsedInput.staffId, parsedInput.password);
    return { updated: Boolean(updated) };
  });
