"use server";

import { getTranslations } from "next-intl/server";
import type { ProfileChangeOutcome } from "@/lib/profiles/change-outcome";
import { toAdaptyFields, updateProfileSchema } from "@/lib/schemas/profile";
import { getAdaptyClient } from "@/server/adapty";
import type { ProfileChanges } from "@/server/adapty/types";
import { auditedProfileChange } from "@/server/profiles/audited-profile-change";
import { actionClient } from "../safe-action";

/** Sends only what the agent changed; a removed custom attribute goes as a null value. */
export const updateProfileAction = actionClient
  .metadata({ permission: "profiles.write" })
  .inputSchema(updateProfileSchema)
  .action(async ({ parsedInput, ctx }): Promise<ProfileChangeOutcome> => {
    const { profileId, idempotencyKey, removed_attributes: removed, ...fields } = parsedInput;
    const body = toAdaptyFields(fields) as ProfileChanges & {
      custom_attributes?: { key: string; value: string | number | null }[];
    };
    if (removed.length > 0)
      body.custom_attributes = [...(body.custom_attributes ?? []), ...removed.map((key) => ({ key, value: null }))];
    if (Object.keys(body).length === 0)
      return { outcome: "refused", formErrors: [(await getTranslations("ProfileForm"))("nothingChanged")] };

    return auditedProfileChange({
      actor: ctx.staff,
      action: "profile.updated",
      target: { profileId },
      params: body,
      idempotencyKey,
      send: () => getAdaptyClient().updateProfile({ profileId }, body),
      profileIdOf: (profile) => profile.profile_id,
    });
  });
