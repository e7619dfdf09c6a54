"use client";

import { useTranslations } from "next-intl";
import type { PolicyLimit } from "@/lib/policy/evaluate";
import type { PolicyView } from "@/lib/policy/settings";
import { useLimitWords } from "./limit-words";

/** The agent's grant policy in one line, on the grant form: the limits are known before they are reached. */
export function PolicyLine({ policy }: { policy: PolicyView }) {
  const t = useTranslations("Policy");
  const { rules, grantsToday } = policy;
  const parts = [
    rules.maxDays === null ? t("anyLength") : t("upToDays", { days: rules.maxDays }),
    rules.lifetime ? t("lifetimeAllowed") : t("noLifetime"),
    ...(rules.levels === null ? [] : [t("onlyLevels", { levels: rules.levels.join(", ") || "—" })]),
    ...(rules.dailyCap === null ? [] : [t("grantsToday", { used: grantsToday, cap: rules.dailyCap })]),
  ];
  return (
    <p className="text-sm text-slate-600" data-testid="policy-line">
      {t("yourPolicy", { limits: parts.join(" · ") })}
    </p>
  );
}

/** What the grant goes beyond, and what happens instead: an admin's approval, nothing sent before it. */
export function BeyondPolicyNotice({ limits, approvalHours }: { limits: PolicyLimit[]; approvalHours: number }) {
  const t = useTranslations("Policy");
  const words = useLimitWords();
  if (limits.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">{t("beyondTitle")}</p>
      <ul className="mt-1 list-disc pl-5">
        {limits.map((limit) => (
          <li key={limit.kind}>{words(limit)}</li>
        ))}
      </ul>
      <p className="mt-1">{t("approvalInstead", { hours: approvalHours })}</p>
    </div>
  );
}
