"use client";

import { useTranslations } from "next-intl";

/** Schemas carry catalogue keys as messages; this turns one into words. */
export function useValidationMessage() {
  const t = useTranslations("Validation");
  return (key: string | undefined) => (key && t.has(key as never) ? t(key as never) : key);
}
