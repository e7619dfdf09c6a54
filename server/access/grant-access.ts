"use server";

import type { Profile } from "@/lib/adapty/types";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { grantSchema } from "@/lib/access/schema";
import { asPolicyGrant } from "@/lib/policy/evaluate";
import { actionClient } from "@/server/auth/action-client";
import { withinGrantPolicy } from "@/server/policy/grant-guard";
import { grantNow } from "./grant-now";

export const grantAccessAction = actionClient
  .metadata({ permission: "access.grant", change: "access_level.granted" })
  .inputSchema(grantSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome<Profile>> => {
    // Beyond the giver's policy, nothing is read or sent: the agent may ask an admin instead.
    return withinGrantPolicy(ctx.staff, asPolicyGrant(input), "Policy.beyond", () => grantNow(ctx.staff, input));
  });
