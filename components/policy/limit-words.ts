import { useTranslations } from "next-intl";
import type { PolicyLimit } from "@/lib/policy/evaluate";

// Not a client module: the approval queue renders on the server, the grant form in the browser.

/** A limit a grant goes beyond, in words: the grant form and the approval queue say it alike. */
export function useLimitWords(): (limit: PolicyLimit) => string {
  const t = useTranslations("Policy");
  return (limit) => {
    if (limit.kind === "duration") return t("beyondDuration", { days: limit.maxDays });
    if (limit.kind === "level") return t("beyondLevel", { levels: limit.allowed.join(", ") || "—" });
    if (limit.kind === "dailyCap") return t("beyondCap", { cap: limit.cap });
    return t("beyondLifetime");
  };
}
