"use server";

import { randomUUID } from "node:crypto";
import type { ProfileChangeOutcome } from "@/lib/profiles/change-outcome";
import { createProfileSchema, toAdaptyFields } from "@/lib/schemas/profile";
import { AdaptyError, getAdaptyClient } from "@/server/adapty";
import type { ProfileFields } from "@/server/adapty/types";
import { auditedProfileChange } from "@/server/profiles/audited-profile-change";
import { actionClient } from "../safe-action";

export const createProfileAction = actionClient
  .metadata({ permission: "profiles.write" })
  .inputSchema(createProfileSchema)
  .action(async ({ parsedInput, ctx }): Promise<ProfileChangeOutcome> => {
    const { customer_user_id: customerUserId, idempotencyKey, ...fields } = parsedInput;
    const adapty = getAdaptyClient();

    // One customer, one profile: an existing customer user id is offered, not created again.
    if (customerUserId) {
      try {
        const existing = await adapty.getProfile({ customerUserId });
        return { outcome: "exists", profileId: existing.value.profile_id };
      } catch (error) {
        if (!(error instanceof AdaptyError) || error.kind !== "not_found") throw error;
      }
    }

    const body = toAdaptyFields(fields) as ProfileFields;
    // An anonymous profile is created under a new profile id, the only other way to name it.
    const user = customerUserId ? { customerUserId } : { profileId: randomUUID() };
    return auditedProfileChange({
      actor: ctx.staff,
      action: "profile.created",
      target: { customerUserId: customerUserId || null, profileId: user.profileId ?? null },
      params: body,
      idempotencyKey,
      send: () => adapty.createProfile(user, body, fields.installation_meta?.platform),
      profileIdOf: (profile) => profile.profile_id,
    });
  });
