"use server";

import { revalidatePath } from "next/cache";
import { addStaffSchema } from "@/lib/staff/schema";
import { actionClient } from "@/server/auth/action-client";
import { addStaff } from "@/server/auth/staff";
import { auditedStaffChange } from "./audited-staff-change";

export const addStaffAction = actionClient
  .metadata({ permission: "staff.manage", change: "staff.added" })
  .inputSchema(addStaffSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { email, role, password } = parsedInput;
    const recorded = { email, role, password: password ? "set" : "none (SSO only)" };
    const outcome = await auditedStaffChange(ctx.staff, "staff.added", recorded, () =>
      addStaff({ email, role, password: password || undefined }),
    );
    revalidatePath("/staff");
    return outcome;
  });
