import { useLocale, useTimeZone } from "next-intl";
import { useCallback } from "react";
import { formatMoment } from "@/lib/time/moment";

/**
 * Writes moments in the agent's locale (lib/time/moment.ts), in their zone unless another is
 * named. Works on the server and in the browser alike: both render with the same locale and zone.
 */
export function useMoment() {
  const locale = useLocale();
  const agentZone = useTimeZone() ?? "UTC";
  return useCallback(
    (date: Date, { timeZone = agentZone, withZone = false }: { timeZone?: string; withZone?: boolean } = {}) =>
      formatMoment(locale, date, { timeZone, withZone }),
    [locale, agentZone],
  );
}
