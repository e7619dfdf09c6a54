"use server";

import type { ProfileChanges } from "@/lib/adapty/types";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { toAdaptyFields, updateProfileSchema } from "@/lib/profiles/schema";
import { getAdaptyClient } from "@/server/adapty";
import { adaptyFieldErrors, auditedChange } from "@/server/audit/audited-change";
import { actionClient } from "@/server/auth/action-client";

/** Sends only what the agent changed; a removed custom attribute goes as a null value. */
export const updateProfileAction = actionClient
  .metadata({ permission: "profiles.write", change: "profile.updated" })
  .inputSchema(updateProfileSchema)
  .action(async ({ parsedInput, ctx }): Promise<ChangeOutcome<{ profileId: string }>> => {
    const { profileId, idempotencyKey, removed_attributes: removed, ...fields } = parsedInput;
    const body = toAdaptyFields(fields) as ProfileChanges;
    if (removed.length > 0)
      body.custom_attributes = [...(body.custom_attributes ?? []), ...removed.map((key) => ({ key, value: null }))];
    if (Object.keys(body).length === 0) return { outcome: "refused", message: "ProfileForm.nothingChanged" };

    return auditedChange({
      actor: ctx.staff,
      action: "profile.updated",
      target: { profileId },
      params: body,
      idempotencyKey,
      send: () => getAdaptyClient().updateProfile({ profileId }, body),
      answer: (profile) => ({ profileId: profile.profile_id }),
      fieldErrors: adaptyFieldErrors,
    });
  });
