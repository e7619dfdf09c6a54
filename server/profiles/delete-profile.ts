"use server";

import type { ChangeOutcome } from "@/lib/change/outcome";
import { deleteProfileSchema } from "@/lib/profiles/schema";
import { getAdaptyClient } from "@/server/adapty";
import { readProfile } from "@/server/adapty/read-profile";
import { auditedChange } from "@/server/audit/audited-change";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { forgetIndexedProfile } from "@/server/webhooks/index-profile";
import { forgetLookups } from "./recent-lookups";

/**
 * Admins only, and only when the typed confirmation is this customer's id; the reason and
 * ticket go in the row. A deleted customer leaves every agent's recent lookups and the search index.
 */
export const deleteProfileAction = actionClient
  .metadata({ permission: "profiles.delete", change: "profile.deleted" })
  .inputSchema(deleteProfileSchema)
  .action(async ({ parsedInput, ctx }): Promise<ChangeOutcome<{ profileId: string }>> => {
    const { profileId, confirmation, reason, ticket, idempotencyKey } = parsedInput;
    const read = await readProfile({ profileId });
    if ("failure" in read) return { outcome: "failed", failure: read.failure };
    const { profile } = read;
    if (confirmation.trim() !== profile.customer_user_id && confirmation.trim() !== profile.profile_id) {
      return { outcome: "refused", message: "ProfileForm.confirmationMismatch" };
    }
    const outcome = await auditedChange({
      actor: ctx.staff,
      action: "profile.deleted",
      target: { profileId, customerUserId: profile.customer_user_id },
      params: { profile_id: profileId },
      reason,
      ticket: ticket ?? null,
      idempotencyKey,
      send: () => getAdaptyClient().deleteProfile({ profileId }),
      answer: () => ({ profileId }),
    });
    if (outcome.outcome === "succeeded") {
      await forgetLookups(profileId);
      await forgetIndexedProfile(await getDb(), profileId);
    }
    return outcome;
  });
