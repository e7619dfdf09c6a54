"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { addStaffSchema } from "@/lib/schemas/staff";
import { addStaff, StaffExistsError } from "@/server/auth/staff";
import { ActionRefusal, actionClient } from "../safe-action";

export const addStaffAction = actionClient
  .metadata({ permission: "staff.manage" })
  .inputSchema(addStaffSchema)
  .action(async ({ parsedInput }) => {
    try {
      const member = await addStaff({ email: parsedInput.email, role: parsedInput.role, password: parsedInput.password || undefined });
      revalidatePath("/staff");
      return { id: member.id, email: member.email };
    } catch (error) {
      if (error instanceof StaffExistsError) {
        throw new ActionRefusal((await getTranslations("Staff"))("exists", { email: parsedInput.email }));
      }
      throw error;
    }
  });
