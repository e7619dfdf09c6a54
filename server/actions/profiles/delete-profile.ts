"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ProfileChangeOutcome } from "@/lib/profiles/change-outcome";
import { getAdaptyClient } from "@/server/adapty";
import { auditedProfileChange } from "@/server/profiles/audited-profile-change";
import { actionClient } from "../safe-action";

/** Admins only, and only when the typed confirmation is this customer's id. */
export const deleteProfileAction = actionClient
  .metadata({ permission: "profiles.delete" })
  .inputSchema(z.object({ profileId: z.uuid(), confirmation: z.string().max(500), idempotencyKey: z.uuid() }))
  .action(async ({ parsedInput, ctx }): Promise<ProfileChangeOutcome> => {
    const { profileId, confirmation, idempotencyKey } = parsedInput;
    const adapty = getAdaptyClient();
    const profile = (await adapty.getProfile({ profileId })).value;
    if (confirmation.trim() !== profile.customer_user_id && confirmation.trim() !== profile.profile_id) {
      return { outcome: "refused", formErrors: [(await getTranslations("ProfileForm"))("confirmationMismatch")] };
    }
    return auditedProfileChange({
      actor: ctx.staff,
      action: "profile.deleted",
      target: { profileId, customerUserId: profile.customer_user_id },
      params: { profile_id: profileId },
      idempotencyKey,
      send: () => adapty.deleteProfile({ profileId }),
      profileIdOf: () => profileId,
    });
  });
