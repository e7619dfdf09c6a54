"use server";

import { grantableLevels } from "@/lib/access/levels";
import { grantSchema } from "@/lib/access/schema";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { asPolicyGrant, exceededLimits } from "@/lib/policy/evaluate";
import { levelOf } from "@/server/access/change-access-level";
import { readProfile } from "@/server/adapty/read-profile";
import { auditedChange } from "@/server/audit/audited-change";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { grantsToday } from "@/server/policy/daily-cap";
import { policyOf } from "@/server/policy/grant-guard";
import { readSettings } from "@/server/policy/settings-store";
import { insertRequest } from "./store";

/**
 * A grant beyond the agent's policy, submitted for an admin's approval with its reason.
 * Nothing reaches Adapty: the profile is only read, to check the level and name the customer.
 */
export const requestApprovalAction = actionClient
  .metadata({ permission: "access.grant", change: "approval.requested" })
  .inputSchema(grantSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome<{ requestId: string }>> => {
    const db = await getDb();
    const { settings } = await readSettings(db);
    const grant = asPolicyGrant(input);
    const limits = exceededLimits(
      policyOf(settings, ctx.staff.role),
      grant,
      Date.now(),
      await grantsToday(db, ctx.staff.id),
    );
    if (limits.length === 0) return { outcome: "refused", message: "Approvals.errors.withinPolicy" };

    const read = await readProfile({ profileId: input.profileId });
    if ("failure" in read) return { outcome: "failed", failure: read.failure };
    const { profile } = read;
    if (!grantableLevels(getEnv().adapty.accessLevels, profile).some((level) => level.id === input.accessLevelId))
      return { outcome: "refused", fieldErrors: { accessLevelId: "Access.errors.levelNotConfigured" } };

    const params = { access_level_id: input.accessLevelId, starts_at: input.startsAt, expires_at: input.expiresAt };
    return auditedChange({
      actor: ctx.staff,
      action: "approval.requested",
      target: { profileId: profile.profile_id, customerUserId: profile.customer_user_id },
      params: { ...params, exceeds: limits },
      reason: input.reason,
      ticket: input.ticket ?? null,
      idempotencyKey: input.idempotencyKey,
      accessBefore: levelOf(profile, input.accessLevelId),
      send: async () => ({
        value: await insertRequest(db, {
          requester: ctx.staff,
          profileId: profile.profile_id,
          customerUserId: profile.customer_user_id ?? null,
          params: {
            profileId: input.profileId,
            accessLevelId: input.accessLevelId,
            startsAt: input.startsAt,
            expiresAt: input.expiresAt,
          },
          exceeds: limits,
          reason: input.reason,
          ticket: input.ticket ?? null,
          expiresInHours: settings.approvalHours,
        }),
      }),
      describeAfter: (row) => ({ requestId: row.id, status: row.status, expiresAt: row.expiresAt }),
      answer: (row) => ({ requestId: row.id }),
    });
  });
