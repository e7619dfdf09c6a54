import "server-only";
import { z } from "zod";
import { invalid } from "../demo-copies";
import { parseLoggedBody } from "../node-http";
import { json } from "../responses";
import type { SandboxStore } from "../store";
import type { WebhookSender } from "./sender";
import { simulateStoreEvent } from "./store-events";

// The standalone sandbox's webhook controls: where events go, what was delivered, and
// simulated store events (docs/sandbox.md).

const webhookSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .max(2_000)
      .nullable(),
    authorization: z.string().max(2_000).nullable().optional(),
    retryDelaysMs: z.array(z.number().int().min(0).max(86_400_000)).max(20).optional(),
  })
  .strict();

interface Context {
  sender: WebhookSender;
  store: SandboxStore;
  accessLevels: string[];
  /** The customer `?for=` scopes the answer to. */
  customer: string | undefined;
}

/** The answer of a webhook control, or undefined when the route is not one. */
export function webhookControls(route: string, body: Buffer, context: Context): Response | undefined {
  const { sender } = context;
  if (route === "GET /__sandbox/webhook") return json(200, sender.status());
  if (route === "PUT /__sandbox/webhook") {
    const parsed = webhookSchema.safeParse(parseLoggedBody(body));
    if (!parsed.success) return invalid("webhook", parsed.error);
    sender.configure(parsed.data);
    return json(200, sender.status());
  }
  if (route === "GET /__sandbox/webhook/deliveries")
    return json(200, { deliveries: sender.deliveries(context.customer) });
  const match = /^POST \/__sandbox\/profiles\/([^/]+)\/events$/.exec(route);
  if (!match?.[1]) return undefined;
  const { response, events } = simulateStoreEvent({
    store: context.store,
    accessLevels: context.accessLevels,
    profileId: decodeURIComponent(match[1]),
    body: parseLoggedBody(body),
    now: Date.now(),
  });
  sender.enqueue(events);
  return response;
}
