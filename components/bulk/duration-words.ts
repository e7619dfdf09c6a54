"use client";

import { useTranslations } from "next-intl";
import { durationParts } from "@/lib/bulk/progress";

/** "about 3 minutes", "12 seconds": a length of time in the one unit a person would say it in. */
export function useDurationWords() {
  const t = useTranslations("Bulk");
  return (seconds: number) => t("duration", durationParts(seconds));
}
