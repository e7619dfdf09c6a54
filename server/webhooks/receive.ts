import "server-only";
import { recordAnonymousRefusal } from "@/server/audit";
import { boundedUserAgent } from "@/server/audit/request-context";
import { REFUSAL_WINDOW_SECONDS } from "@/server/audit/refusals";
import { getDb } from "@/server/db";
import { isDatabaseUnavailable } from "@/server/db/errors";
import { getEnv } from "@/server/env";
import { clientAddress } from "@/server/http/client-address";
import { authorizationMatches, webhookAuthorization } from "./authorization";
import { readBoundedBody } from "./bounded-body";
import { parseWebhook } from "./parse";
import { noteWebhookConnected, storeEvent } from "./store-event";

/** Wrong Authorization values one address may send per refusal window before it is answered 429. */
export const WEBHOOK_REFUSALS_PER_WINDOW = 20;

// Adapty retries only answers outside 200–404 (WEBHOOKS.md): a malformed event gets 400
// (retrying cannot help), the database away gets 503 (so Adapty tries again later).
const answer = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

/** Once per process: the first event (or verification) marks when history begins. */
const CONNECTED = Symbol.for("adapty-support-console.webhook-connected");
type Holder = { [CONNECTED]?: boolean };

async function refuseAuthorization(request: Request): Promise<Response> {
  const context = { clientAddress: clientAddress(request.headers), userAgent: boundedUserAgent(request.headers) };
  const why = request.headers.has("authorization") ? "a wrong Authorization header" : "no Authorization header";
  const count = await recordAnonymousRefusal({
    actor: null,
    action: "webhook.refused",
    outcome: "refused",
    detail: `Webhook delivery with ${why}`,
    context,
  });
  // Logged once per address and window, never with the value that was sent.
  if (count === 1) console.warn(`Refused a webhook delivery from ${context.clientAddress} with ${why}.`);
  if (count !== undefined && count > WEBHOOK_REFUSALS_PER_WINDOW) {
    return answer(
      429,
      { error: "Too many deliveries with a wrong Authorization header from this address; wait and try again." },
      { "Retry-After": String(REFUSAL_WINDOW_SECONDS) },
    );
  }
  return answer(401, {
    error: "The Authorization header does not match the value configured in the console. Nothing was stored.",
  });
}

/**
 * POST /api/adapty/webhook, Adapty's webhook integration: checks the Authorization header,
 * reads and checks the event, stores it before answering. Also called in process by the
 * built-in sandbox in sandbox mode, so both take exactly this path.
 */
export async function receiveWebhook(request: Request): Promise<Response> {
  const expected = webhookAuthorization();
  if (expected === undefined)
    return answer(404, { error: "The webhook receiver is off: set ADAPTY_WEBHOOK_AUTHORIZATION to turn it on." });
  if (!authorizationMatches(request.headers.get("authorization"), expected)) return refuseAuthorization(request);

  const body = await readBoundedBody(request);
  if (!body.ok) return answer(400, { error: body.reason });
  const parsed = parseWebhook(body.text, getEnv().webhook.eventNames);
  if (parsed.kind === "malformed")
    return answer(400, { error: `Not an Adapty event: ${parsed.reason}. Nothing was stored.` });

  try {
    const db = await getDb();
    const holder = globalThis as Holder;
    if (!holder[CONNECTED]) {
      await noteWebhookConnected(db);
      holder[CONNECTED] = true;
    }
    if (parsed.kind === "verification") return answer(200, {});
    const stored = await storeEvent(db, parsed.event);
    return answer(200, stored ? {} : { duplicate: true });
  } catch (error) {
    const unavailable = isDatabaseUnavailable(error);
    console.error(
      `Webhook event could not be stored${unavailable ? " (database unavailable)" : ""}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return answer(503, { error: "The console could not store the event just now; Adapty will send it again." });
  }
}
