"use server";

import { z } from "zod";
import { AdaptyError, getAdaptyClient } from "@/server/adapty";
import { toFailure } from "@/server/profiles/failure";
import { recordProfileView } from "@/server/profiles/record-view";
import { actionClient } from "../safe-action";

/** Re-reads a profile for the page's refresh (a read like any other, so recorded as a view); an Adapty failure comes back as data. */
export const loadProfileAction = actionClient
  .metadata({ permission: "profiles.read" })
  .inputSchema(z.object({ profileId: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    try {
      const profile = (await getAdaptyClient().getProfile({ profileId: parsedInput.profileId })).value;
      await recordProfileView(ctx.staff, profile);
      return { profile };
    } catch (error) {
      if (error instanceof AdaptyError) return { failure: toFailure(error) };
      throw error;
    }
  });
