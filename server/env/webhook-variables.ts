// Not fenced with server-only, like schema.ts: next.config.js loads it before Next.js exists.
// Adapty's webhook integration: the Authorization value Adapty sends, the app's renamed
// events, and how long events are kept.
import { z } from "zod";
import { parseEventNames } from "../../lib/webhooks/event-names";
import { integer, variable } from "./variable";

export const WEBHOOK_VARIABLES = {
  ADAPTY_WEBHOOK_AUTHORIZATION: variable(
    z
      .string()
      .regex(
        /^[\x21-\x7e][\x20-\x7e]{14,510}[\x21-\x7e]$/,
        'must be the value typed into Adapty\'s "Authorization header value": 16 to 512 printable characters (openssl rand -hex 32)',
      )
      .optional(),
  ),
  ADAPTY_WEBHOOK_EVENT_NAMES: variable(
    z
      .string()
      .max(10_000)
      .transform((value, context) => {
        const names = parseEventNames(value);
        if (names) return names;
        context.addIssue({
          code: "custom",
          message:
            "must be comma-separated renamed=adapty_name pairs, each adapty_name one of Adapty's event types, such as renewal=subscription_renewed",
        });
        return z.NEVER;
      })
      .default({}),
  ),
  WEBHOOK_RETENTION_DAYS: variable(integer(1, 36_500, "must be a whole number of days from 1 to 36500").default(400)),
};
