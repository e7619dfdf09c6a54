import "server-only";
import type { AccessLevel, NonSubscription } from "@/lib/adapty/types";
import { parseAdaptyTime, type StoredProfile } from "../model";
import { envelope, webhookTimeOrNull, type EventProperties, type WebhookEvent } from "./envelope";

// The `event_properties` of each kind of event, read from the stored profile so that the
// transaction ids and dates a receiver sees are the ones the API answers with.

/** Access granted through the server-side API has no store product; Adapty names it so. */
const SERVER_SIDE_PRODUCT = "adapty_server_side_product";

/** Rough USD rates, enough for believable `price_usd`; a currency not listed counts as USD. */
const USD_RATES: Record<string, number> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CAD: 0.73,
  AUD: 0.66,
  JPY: 0.0067,
  INR: 0.012,
};

/** The stores' commission on subscriptions (small-business and Play's subscription rate). */
const STORE_COMMISSION = 0.15;

/** The events that move money, and so carry proceeds, net revenue and tax. */
const MONEY_EVENTS = new Set([
  "subscription_started",
  "subscription_renewed",
  "trial_converted",
  "subscription_refunded",
  "non_subscription_purchase",
  "non_subscription_purchase_refunded",
]);
export const movesMoney = (eventType: string) => MONEY_EVENTS.has(eventType);

export interface Money {
  /** null: a free trial. */
  price: number | null;
  currency: string;
}

const cents = (value: number) => Math.round(value * 100) / 100;
export const toUsd = (money: Money): number | null =>
  money.price === null ? null : cents(money.price * (USD_RATES[money.currency] ?? 1));

type PurchaseSource = Pick<
  AccessLevel & NonSubscription,
  | "store"
  | "store_product_id"
  | "store_base_plan_id"
  | "store_transaction_id"
  | "store_original_transaction_id"
  | "purchased_at"
> & { originally_purchased_at?: string; expires_at?: string | null };

export function isActiveAt(level: AccessLevel, at: number): boolean {
  const starts = level.starts_at ? parseAdaptyTime(level.starts_at) : null;
  const expires = level.expires_at ? parseAdaptyTime(level.expires_at) : null;
  return (starts === null || starts <= at) && (expires === null || expires > at);
}

/** The environment a level was bought in: its subscription's, else Production (grants, lifetime purchases). */
export function environmentOf(profile: StoredProfile, level: AccessLevel): string {
  const subscription = profile.subscriptions.find(
    (candidate) => candidate.store_original_transaction_id === level.store_original_transaction_id,
  );
  return subscription?.environment ?? "Production";
}

/** What every event says about the profile as it is after the change. */
function profileFacts(profile: StoredProfile, at: number): EventProperties {
  const country = profile.fields.store_country ?? profile.fields.ip_country ?? "US";
  return {
    store_country: country,
    profile_country: profile.fields.ip_country ?? country,
    profile_has_access_level: profile.access_levels.some((level) => isActiveAt(level, at)),
    profile_total_revenue_usd: profile.total_revenue_usd,
  };
}

function purchaseOf(source: PurchaseSource, environment: string): EventProperties {
  return {
    store: source.store,
    environment,
    vendor_product_id: source.store === "adapty" ? SERVER_SIDE_PRODUCT : source.store_product_id,
    base_plan_id: source.store_base_plan_id ?? null,
    transaction_id: source.store_transaction_id,
    original_transaction_id: source.store_original_transaction_id,
    purchase_date: webhookTimeOrNull(source.purchased_at),
    original_purchase_date: webhookTimeOrNull(source.originally_purchased_at ?? source.purchased_at),
    subscription_expires_at: webhookTimeOrNull(source.expires_at),
  };
}

/** Price fields; proceeds, net revenue and tax only on events that move money. */
function revenueOf(money: Money, movesMoney: boolean): EventProperties {
  const usd = toUsd(money);
  const price = { currency: money.currency, price_local: money.price ?? 0, price_usd: usd };
  if (!movesMoney || money.price === null || usd === null) return price;
  const share = 1 - STORE_COMMISSION;
  return {
    ...price,
    proceeds_local: cents(money.price * share),
    proceeds_usd: cents(usd * share),
    net_revenue_local: cents(money.price * share),
    net_revenue_usd: cents(usd * share),
    tax_amount_local: 0,
    tax_amount_usd: 0,
  };
}

/** `access_level_updated` for one level of the profile, as it stands at `at`. */
export function accessLevelEvent(
  profile: StoredProfile,
  level: AccessLevel,
  at: number,
  eventId?: string,
): WebhookEvent {
  const active = isActiveAt(level, at);
  const lifetime = level.expires_at === null;
  const renewed = level.purchased_at !== level.originally_purchased_at;
  const properties: EventProperties = {
    ...purchaseOf(level, environmentOf(profile, level)),
    access_level_id: level.access_level_id,
    is_active: active,
    is_lifetime: lifetime,
    is_refund: level.cancellation_reason === "refund",
    is_in_grace_period: level.is_in_grace_period ?? false,
    will_renew:
      active && !lifetime && level.store !== "adapty" && !level.renewal_cancelled_at && !level.cancellation_reason,
    starts_at: webhookTimeOrNull(level.starts_at),
    activated_at: webhookTimeOrNull(level.starts_at ?? level.originally_purchased_at),
    renewed_at: renewed ? webhookTimeOrNull(level.purchased_at) : null,
    expires_at: webhookTimeOrNull(level.expires_at),
    billing_issue_detected_at: webhookTimeOrNull(level.billing_issue_detected_at),
    cancellation_reason: level.cancellation_reason ?? null,
    active_introductory_offer_type: level.offer?.category === "introductory" ? level.offer.type : null,
    active_promotional_offer_id: level.offer?.category === "promotional" ? (level.offer.id ?? null) : null,
    active_promotional_offer_type: level.offer?.category === "promotional" ? level.offer.type : null,
    ...profileFacts(profile, at),
  };
  return envelope(profile, "access_level_updated", at, properties, eventId);
}

export interface StoreFacts {
  money: Money;
  /** Revenue events carry proceeds and net revenue. */
  movesMoney: boolean;
  consecutivePayments: number;
  environment?: string;
  cancellationReason?: string | null;
  trialDuration?: string | null;
}

/** A store event (subscription_renewed, trial_started, …) about a level or a one-time purchase. */
export function storeEvent(
  profile: StoredProfile,
  eventType: string,
  at: number,
  source: PurchaseSource & { access_level_id?: string },
  facts: StoreFacts,
  eventId?: string,
): WebhookEvent {
  const properties: EventProperties = {
    ...purchaseOf(source, facts.environment ?? "Production"),
    ...revenueOf(facts.money, facts.movesMoney),
    access_level_id: source.access_level_id ?? null,
    cancellation_reason: facts.cancellationReason ?? null,
    trial_duration: facts.trialDuration ?? null,
    consecutive_payments: facts.consecutivePayments,
    ...profileFacts(profile, at),
  };
  return envelope(profile, eventType, at, properties, eventId);
}

/** The events of a grant or revoke through the API: the changed level's `access_level_updated`. */
export function accessChangeEvents(profile: StoredProfile, accessLevelId: string, at: number): WebhookEvent[] {
  const level = profile.access_levels.find((candidate) => candidate.access_level_id === accessLevelId);
  return level ? [accessLevelEvent(profile, level, at)] : [];
}
