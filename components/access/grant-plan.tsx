"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { Notice } from "@/components/ui/notice";
import { grantTimes, type GrantFormValues } from "@/lib/access/change-forms";
import { accessLost, type AccessLoss } from "@/lib/access/rules";
import type { Profile } from "@/lib/adapty/types";
import { useZonedFormat } from "./zoned-format";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The grant the form's values make, and the access it would take from the customer. */
export function useGrantPlan(profile: Profile, now: Date) {
  const values = useWatch<GrantFormValues>() as GrantFormValues;
  const times = grantTimes(values, now);
  const format = useZonedFormat(values.zone);
  const current = profile.access_levels.find((level) => level.access_level_id === values.accessLevelId);
  const losses = accessLost(current, times, now.getTime());
  return { values, ...times, format, losses };
}

/** A loss in words, its times in `zone`: whose access to which level ends, from when until when, and why. */
export function useLossWords(zone: string, now: Date) {
  const t = useTranslations("Access");
  const format = useZonedFormat(zone);
  const when = (time: number) => (time <= now.getTime() ? t("fromNow") : format.full(new Date(time)));
  return (loss: AccessLoss, customer: string, level: string) => {
    const base = { customer, level, from: when(loss.from) };
    if (loss.until === null) return t("lossForever", base);
    const length = loss.until - loss.from;
    return t(loss.why === "starts_later" ? "lossUntilStart" : "lossAfterEnd", {
      ...base,
      until: format.full(new Date(loss.until)),
      days: Math.round(length / DAY),
      hours: Math.max(1, Math.round(length / HOUR)),
    });
  };
}

/**
 * What the grant takes away, in plain words and as loudly as an error: access until a
 * later start, after an earlier end, lifetime access ended. Said on the form and repeated
 * on the review step.
 */
export function AccessLossNotices({ profile, customer, now }: { profile: Profile; customer: string; now: Date }) {
  const { values, losses } = useGrantPlan(profile, now);
  const words = useLossWords(values.zone, now);
  return losses.map((loss) => (
    <Notice key={loss.why} tone="error">
      {words(loss, customer, values.accessLevelId)}
    </Notice>
  ));
}
