// Relative imports only: server/env/schema.ts reads this before Next.js (and its aliases) exist.
import { isAdaptyEventType, type AdaptyEventType } from "./event-types";

/** What an event name may be: Adapty's own, or an app's renaming of one in Adapty's dashboard. */
export const EVENT_NAME = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * ADAPTY_WEBHOOK_EVENT_NAMES: `renamed=adapty_name` pairs separated by commas, for an app
 * whose events were renamed in Adapty's dashboard; undefined when a pair is not usable.
 */
export function parseEventNames(value: string): Record<string, AdaptyEventType> | undefined {
  const names: Record<string, AdaptyEventType> = {};
  for (const pair of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [renamed, adapty, ...rest] = pair.split("=").map((part) => part.trim());
    if (rest.length > 0 || !renamed || !adapty || !EVENT_NAME.test(renamed) || !isAdaptyEventType(adapty))
      return undefined;
    names[renamed] = adapty;
  }
  return names;
}
