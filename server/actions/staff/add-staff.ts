"use server";

import { revalidatePath } from "next/cache";
import { addStaffSchema } from "@/lib/schemas/staff";
import { addStaff } from "@/server/auth/staff";
import { actionClient } from "../safe-action";
import { auditedStaffChange } from "./audited";

export const addStaffAction = actionClient
  .metadata({ permission: "staff.manage" })
  .inputSchema(addStaffSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { email, role, password } = parsedInput;
    const member = await auditedStaffChange(
      ctx.staff,
      "staff.added",
      { email, role, password: password ? "set" : "none (SSO only)" },
      () => addStaff({ email, role, password: password || undefined }),
    );
    revalidatePath("/staff");
    return { id: member?.id, email };
  });
