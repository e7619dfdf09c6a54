"use server";

import type { Profile } from "@/lib/adapty/types";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { revokeSchema } from "@/lib/access/schema";
import { actionClient } from "@/server/auth/action-client";
import { revokeNow } from "./revoke-now";

export const revokeAccessAction = actionClient
  .metadata({ permission: "access.revoke", change: "access_level.revoked" })
  .inputSchema(revokeSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome<Profile>> => revokeNow(ctx.staff, input));
