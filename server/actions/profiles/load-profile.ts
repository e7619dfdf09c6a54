"use server";

import { z } from "zod";
import { AdaptyError, getAdaptyClient } from "@/server/adapty";
import { toFailure } from "@/server/profiles/failure";
import { actionClient } from "../safe-action";

/** Re-reads a profile for the page's refresh; an Adapty failure comes back as data, to show in place. */
export const loadProfileAction = actionClient
  .metadata({ permission: "profiles.read" })
  .inputSchema(z.object({ profileId: z.uuid() }))
  .action(async ({ parsedInput }) => {
    try {
      return { profile: (await getAdaptyClient().getProfile({ profileId: parsedInput.profileId })).value };
    } catch (error) {
      if (error instanceof AdaptyError) return { failure: toFailure(error) };
      throw error;
    }
  });
