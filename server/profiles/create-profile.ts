"use server";

import { randomUUID } from "node:crypto";
import type { ProfileFields } from "@/lib/adapty/types";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { createProfileSchema, toAdaptyFields } from "@/lib/profiles/schema";
import { getAdaptyClient } from "@/server/adapty";
import { readProfile } from "@/server/adapty/read-profile";
import { adaptyFieldErrors, auditedChange } from "@/server/audit/audited-change";
import { actionClient } from "@/server/auth/action-client";
import { indexProfileAfterAnswer } from "@/server/webhooks/index-profile";

export const createProfileAction = actionClient
  .metadata({ permission: "profiles.write", change: "profile.created" })
  .inputSchema(createProfileSchema)
  .action(async ({ parsedInput, ctx }): Promise<ChangeOutcome<{ profileId: string }>> => {
    const { customer_user_id: customerUserId, idempotencyKey, ...fields } = parsedInput;

    // One customer, one profile: an existing customer user id is offered, not created again.
    if (customerUserId) {
      const existing = await readProfile({ customerUserId });
      if ("profile" in existing) {
        return { outcome: "refused", message: "ProfileForm.exists", existingProfileId: existing.profile.profile_id };
      }
      if (existing.failure.kind !== "not_found") return { outcome: "failed", failure: existing.failure };
    }

    const sent = toAdaptyFields(fields) as ProfileFields;
    // Adapty's file requires installation details: without the agent's, a new device id is all of them.
    const body: ProfileFields = { ...sent, installation_meta: sent.installation_meta ?? { device_id: randomUUID() } };
    // An anonymous profile is created under a new profile id, the only other way to name it.
    const user = customerUserId ? { customerUserId } : { profileId: randomUUID() };
    return auditedChange({
      actor: ctx.staff,
      action: "profile.created",
      target: { customerUserId: customerUserId || null, profileId: user.profileId ?? null },
      params: body,
      idempotencyKey,
      send: async () => {
        const created = await getAdaptyClient().createProfile(user, body, fields.installation_meta?.platform);
        indexProfileAfterAnswer(created.value, body.email ?? null);
        return created;
      },
      answer: (profile) => ({ profileId: profile.profile_id }),
      fieldErrors: adaptyFieldErrors,
    });
  });
