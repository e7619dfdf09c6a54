"use server";

import { z } from "zod";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { getAdaptyClient } from "@/server/adapty";
import { readProfile } from "@/server/adapty/read-profile";
import { auditedChange } from "@/server/audit/audited-change";
import { actionClient } from "@/server/auth/action-client";

/** Admins only, and only when the typed confirmation is this customer's id. */
export const deleteProfileAction = actionClient
  .metadata({ permission: "profiles.delete", change: "profile.deleted" })
  .inputSchema(z.object({ profileId: z.uuid(), confirmation: z.string().max(500), idempotencyKey: z.uuid() }))
  .action(async ({ parsedInput, ctx }): Promise<ChangeOutcome<{ profileId: string }>> => {
    const { profileId, confirmation, idempotencyKey } = parsedInput;
    const read = await readProfile({ profileId });
    if ("failure" in read) return { outcome: "failed", failure: read.failure };
    const { profile } = read;
    if (confirmation.trim() !== profile.customer_user_id && confirmation.trim() !== profile.profile_id) {
      return { outcome: "refused", message: "ProfileForm.confirmationMismatch" };
    }
    return auditedChange({
      actor: ctx.staff,
      action: "profile.deleted",
      target: { profileId, customerUserId: profile.customer_user_id },
      params: { profile_id: profileId },
      idempotencyKey,
      send: () => getAdaptyClient().deleteProfile({ profileId }),
      answer: () => ({ profileId }),
    });
  });
