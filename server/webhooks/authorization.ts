import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/server/env";

// One generated value per process, shared by every Next.js bundle that imports this module
// (the route handler and boot.ts, which hands it to the built-in sandbox).
const KEY = Symbol.for("adapty-support-console.webhook-authorization");
type Holder = { [KEY]?: string };

/**
 * The Authorization value Adapty must send: ADAPTY_WEBHOOK_AUTHORIZATION; in sandbox mode,
 * when it is unset, a value generated at start that only the built-in sandbox is given.
 * Undefined in live mode without the variable: the endpoint is off (404).
 */
export function webhookAuthorization(): string | undefined {
  const env = getEnv();
  if (env.webhook.authorization !== undefined) return env.webhook.authorization;
  if (env.mode === "live") return undefined;
  const holder = globalThis as Holder;
  holder[KEY] ??= `sandbox-${randomBytes(24).toString("hex")}`;
  return holder[KEY];
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Whether the header equals the value exactly; hashing first makes the comparison constant in time and length. */
export function authorizationMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
