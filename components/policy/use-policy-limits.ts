"use client";

import { useWatch, type Control } from "react-hook-form";
import { grantTimes, type GrantFormValues } from "@/lib/access/change-forms";
import { exceededLimits, type PolicyLimit } from "@/lib/policy/evaluate";
import type { PolicyView } from "@/lib/policy/settings";

/**
 * The limits of the agent's policy the grant form's values go beyond, judged as the server
 * will judge them (lib/policy/evaluate.ts). Values that make no grant yet (an unfinished
 * date) are judged once they do.
 */
export function usePolicyLimits(policy: PolicyView, now: Date, control: Control<GrantFormValues>): PolicyLimit[] {
  const values = useWatch({ control }) as GrantFormValues;
  const { startsAt, expiresAt } = grantTimes(values, now);
  if (expiresAt === null && values.preset !== "lifetime") return [];
  return exceededLimits(
    policy.rules,
    {
      accessLevelId: values.accessLevelId,
      startsAt: startsAt?.getTime() ?? null,
      expiresAt: expiresAt?.getTime() ?? null,
    },
    now.getTime(),
    policy.grantsToday,
  );
}
