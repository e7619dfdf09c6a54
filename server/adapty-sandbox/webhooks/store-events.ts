import "server-only";
import { z } from "zod";
import { invalid } from "../demo-copies";
import { json } from "../responses";
import type { SandboxStore } from "../store";
import type { WebhookEvent } from "./envelope";
import { TRIAL_DAYS } from "./products";
import { accessLevelEvent, movesMoney, storeEvent, toUsd, type Money } from "./properties";
import {
  applyStoreEvent,
  findSubscription,
  needsSubscription,
  STORE_EVENT_TYPES,
  type StoreChange,
  type StorePurchase,
} from "./store-changes";

// POST /__sandbox/profiles/<profile id>/events: a store event as if the App Store or Google
// Play had reported it to Adapty. The stored profile changes to match, and the events
// Adapty would send go out as webhooks.

const storeEventSchema = z
  .object({
    type: z.enum(STORE_EVENT_TYPES),
    access_level_id: z.string().min(1).max(100).default("premium"),
    vendor_product_id: z.string().min(1).max(200).default("com.demo.premium.monthly"),
    store: z.enum(["app_store", "play_store"]).default("app_store"),
    environment: z.enum(["Production", "Sandbox"]).optional(),
    price: z.number().min(0).max(100_000).default(9.99),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD")
      .default("USD"),
    cancellation_reason: z.string().min(1).max(100).optional(),
  })
  .strict();

type StoreEventBody = z.infer<typeof storeEventSchema>;

/** The store event and, when the access level changed with it (every type but a consumable), its `access_level_updated`. */
function eventsOf(change: StoreChange, body: StoreEventBody, environment: string, now: number): WebhookEvent[] {
  const trial = body.type.startsWith("trial_");
  const money: Money = { price: body.type === "trial_started" ? null : body.price, currency: body.currency };
  const source = change.subscription ?? change.purchase;
  if (!source) return [];
  const event = storeEvent(
    change.profile,
    body.type,
    now,
    { ...source, access_level_id: body.access_level_id },
    {
      money,
      movesMoney: movesMoney(body.type),
      consecutivePayments: change.consecutivePayments,
      environment,
      cancellationReason: change.subscription?.cancellation_reason ?? null,
      trialDuration: trial ? `${TRIAL_DAYS} days` : null,
    },
  );
  return change.level ? [event, accessLevelEvent(change.profile, change.level, now)] : [event];
}

export function simulateStoreEvent(input: {
  store: SandboxStore;
  accessLevels: string[];
  profileId: string;
  body: unknown;
  now: number;
}): { response: Response; events: WebhookEvent[] } {
  const refused = (response: Response) => ({ response, events: [] });
  const parsed = storeEventSchema.safeParse(input.body ?? {});
  if (!parsed.success) return refused(invalid("store event", parsed.error));
  const body = parsed.data;
  if (!input.accessLevels.includes(body.access_level_id))
    return refused(json(400, { error: `Invalid store event: access_level_id names no access level of the app.` }));
  const profile = input.store.findByProfileId(input.profileId);
  if (!profile) return refused(json(404, { error: "No such profile in the sandbox." }));
  const current = findSubscription(profile, body.store, body.vendor_product_id);
  if (needsSubscription(body.type) && !current) {
    return refused(
      json(409, {
        error: `The profile has no ${body.store} subscription to ${body.vendor_product_id}: simulate subscription_started or trial_started first.`,
      }),
    );
  }
  const environment = body.environment ?? current?.environment ?? "Production";
  const purchase: StorePurchase = {
    type: body.type,
    accessLevelId: body.access_level_id,
    productId: body.vendor_product_id,
    store: body.store,
    environment,
    priceUsd: toUsd({ price: body.price, currency: body.currency }) ?? 0,
    cancellationReason: body.cancellation_reason,
  };
  const change = applyStoreEvent(profile, purchase, input.now);
  input.store.save(change.profile);
  const events = eventsOf(change, body, environment, input.now);
  return { response: json(200, { events, profile: change.profile }), events };
}
