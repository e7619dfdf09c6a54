"use server";

import { z } from "zod";
import type { Profile } from "@/lib/adapty/types";
import type { ReadResult } from "@/lib/change/outcome";
import { readProfile } from "@/server/adapty/read-profile";
import { actionClient } from "@/server/auth/action-client";
import { recordProfileView } from "./record-view";

/** Re-reads a profile for the page's refresh (a read like any other, so recorded as a view). */
export const loadProfileAction = actionClient
  .metadata({ permission: "profiles.read" })
  .inputSchema(z.object({ profileId: z.uuid() }))
  .action(async ({ parsedInput, ctx }): Promise<ReadResult<Profile>> => {
    const read = await readProfile({ profileId: parsedInput.profileId });
    if ("profile" in read) await recordProfileView(ctx.staff, read.profile);
    return read;
  });
