import { E2E_WEBHOOK_AUTHORIZATION, WEBHOOK_URL } from "./servers";
import { query } from "./database";

export { adaptyEventBody } from "../../server/webhooks/test-events";

/**
 * One delivery to the live console's receiver, as Adapty makes it: no Origin, no cookie,
 * the configured Authorization value. `from` sets the sender's address (X-Forwarded-For),
 * so a test's refusals are counted apart from every other test's.
 */
export async function deliver(
  body: unknown,
  options: { authorization?: string | null; from?: string; raw?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: unknown }> {
  const authorization = options.authorization === undefined ? E2E_WEBHOOK_AUTHORIZATION : options.authorization;
  const response = await fetch(WEBHOOK_URL, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(authorization === null ? {} : { Authorization: authorization }),
      ...(options.from ? { "X-Forwarded-For": options.from } : {}),
      ...options.headers,
    },
    body: options.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion message
  }
  return { status: response.status, json };
}

/** The events the console stored for one Adapty profile, oldest first. */
export const storedEvents = (profileId: string) =>
  query<{ event_type: string; dedupe_key: string; environment: string | null; payload: Record<string, unknown> }>(
    "select event_type, dedupe_key, environment, payload from adapty_events where profile_id = $1 order by id",
    [profileId.toLowerCase()],
  );

/** A sender address no other test uses (TEST-NET-3 with a random tail). */
export const someAddress = () => `203.0.113.${Math.floor(Math.random() * 254) + 1}-${crypto.randomUUID().slice(0, 6)}`;
