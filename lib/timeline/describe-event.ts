// What one Adapty webhook event says, as the parts of a sentence: which sentence (by event
// type), the product, price, store, why it was cancelled, until when, and which other
// customers share the access. Pure, so every documented type is unit-tested; the words
// come from the catalogue (components/timeline/event-entry.tsx).
import { isAdaptyEventType, NON_STORE_PRODUCTS, type AdaptyEventType } from "@/lib/webhooks/event-types";
import { parseAdaptyWebhookTime } from "@/lib/webhooks/time";

export const STORES = ["app_store", "play_store", "stripe", "paddle", "adapty"] as const;
export type KnownStore = (typeof STORES)[number];
/** A store Adapty names, or a custom store's own name as sent. */
export type StoreName = { known: KnownStore } | { custom: string };

export const CANCELLATION_REASONS = [
  "voluntarily_cancelled",
  "billing_error",
  "price_increase",
  "product_was_not_available",
  "refund",
  "cancelled_by_developer",
  "new_subscription_replace",
  "upgraded",
  "unknown",
  "adapty_revoked",
] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];
export type ReasonName = { known: CancellationReason } | { custom: string };

export interface SharedWith {
  profileId: string;
  /** What the link says: the customer user id, else the profile id. */
  label: string;
}

export interface EventDescription {
  /** One of Adapty's types, or "unknown" (then `sentType` is shown). */
  type: AdaptyEventType | "unknown";
  sentType: string;
  product: string | null;
  price: { amount: number; currency: string } | null;
  store: StoreName | null;
  reason: ReasonName | null;
  /** The access or subscription end the event names. */
  until: Date | null;
  accessLevel: string | null;
  active: boolean | null;
  environment: "Production" | "Sandbox" | null;
  sharedWith: SharedWith[];
}

type Json = Record<string, unknown>;

const objectOf = (value: unknown): Json =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {};
const textOf = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value : null);

export function storeName(store: string | null, product: string | null): StoreName | null {
  if (product !== null && NON_STORE_PRODUCTS.includes(product)) return { known: "adapty" };
  if (store === null) return null;
  const known = STORES.find((name) => name === store.toLowerCase());
  return known ? { known } : { custom: store };
}

function reasonName(reason: string | null): ReasonName | null {
  if (reason === null) return null;
  const known = CANCELLATION_REASONS.find((name) => name === reason);
  return known ? { known } : { custom: reason };
}

function priceOf(properties: Json): EventDescription["price"] {
  const amount = properties.price_local;
  const currency = textOf(properties.currency);
  const value = typeof amount === "number" ? amount : typeof amount === "string" ? Number(amount) : NaN;
  return Number.isFinite(value) && currency !== null ? { amount: value, currency } : null;
}

function timeOf(value: unknown): Date | null {
  const text = textOf(value);
  return text === null ? null : (parseAdaptyWebhookTime(text) ?? null);
}

/** The other customers the event says share this access (the event's own customer left out). */
function sharedWithOf(payload: Json, ownProfileId: string): SharedWith[] {
  const list = payload.profiles_sharing_access_level;
  if (!Array.isArray(list)) return [];
  const seen = new Set([ownProfileId.toLowerCase()]);
  return list.flatMap((entry) => {
    const profileId = textOf(objectOf(entry).profile_id);
    if (profileId === null || seen.has(profileId.toLowerCase())) return [];
    seen.add(profileId.toLowerCase());
    return [{ profileId, label: textOf(objectOf(entry).customer_user_id) ?? profileId }];
  });
}

export function describeEvent(eventType: string, payload: Json, ownProfileId: string): EventDescription {
  const properties = objectOf(payload.event_properties);
  const product = textOf(properties.vendor_product_id);
  const environment = textOf(properties.environment);
  const active = properties.is_active;
  return {
    type: isAdaptyEventType(eventType) ? eventType : "unknown",
    sentType: eventType,
    product,
    price: priceOf(properties),
    store: storeName(textOf(properties.store), product),
    reason: reasonName(textOf(properties.cancellation_reason)),
    until: timeOf(properties.expires_at) ?? timeOf(properties.subscription_expires_at),
    accessLevel: textOf(properties.access_level_id),
    active: typeof active === "boolean" ? active : null,
    environment: environment === "Production" || environment === "Sandbox" ? environment : null,
    sharedWith: sharedWithOf(payload, ownProfileId),
  };
}
