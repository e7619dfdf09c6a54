"use server";

import type { Profile, ProfileChanges } from "@/lib/adapty/types";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { toAdaptyFields, updateProfileSchema } from "@/lib/profiles/schema";
import { getAdaptyClient } from "@/server/adapty";
import { readProfile } from "@/server/adapty/read-profile";
import { adaptyFieldErrors, auditedChange } from "@/server/audit/audited-change";
import { actionClient } from "@/server/auth/action-client";
import { indexProfileAfterAnswer } from "@/server/webhooks/index-profile";
import { deviceIdFor } from "./device-id";

/**
 * Sends only what the agent changed (Adapty merges custom attributes by key; a removed one
 * goes as an empty value), always with this profile's own device id, and answers with the
 * profile Adapty now holds. The row names the customer by both ids, with the reason.
 */
export const updateProfileAction = actionClient
  .metadata({ permission: "profiles.write", change: "profile.updated" })
  .inputSchema(updateProfileSchema)
  .action(async ({ parsedInput, ctx }): Promise<ChangeOutcome<Profile>> => {
    const { profileId, idempotencyKey, removed_attributes: removed, reason, ticket, ...fields } = parsedInput;
    const changes = toAdaptyFields(fields) as Partial<ProfileChanges>;
    if (removed.length > 0)
      changes.custom_attributes = [...(changes.custom_attributes ?? []), ...removed.map((key) => ({ key, value: "" }))];
    if (Object.keys(changes).length === 0) return { outcome: "refused", message: "ProfileForm.nothingChanged" };

    const before = await readProfile({ profileId });
    if ("failure" in before) return { outcome: "failed", failure: before.failure };
    const body: ProfileChanges = {
      ...changes,
      installation_meta: { ...changes.installation_meta, device_id: deviceIdFor(profileId) },
    };
    return auditedChange({
      actor: ctx.staff,
      action: "profile.updated",
      target: { profileId, customerUserId: before.profile.customer_user_id },
      params: body,
      reason,
      ticket: ticket ?? null,
      idempotencyKey,
      send: async () => {
        const updated = await getAdaptyClient().updateProfile({ profileId }, body);
        indexProfileAfterAnswer(updated.value, body.email ?? null);
        return updated;
      },
      answer: (profile) => profile,
      fieldErrors: adaptyFieldErrors,
    });
  });
