import "server-only";
import { randomUUID } from "node:crypto";
import type { AccessLevel, NonSubscription, Subscription } from "@/lib/adapty/types";
import { adaptyTime, parseAdaptyTime, type StoredProfile } from "../model";
import { basePlanOf, graceEnd, isLifetimeProduct, periodEnd, TRIAL_DAYS, transactionId } from "./products";

// What each simulated store event does to the stored profile, as the store and Adapty
// would: the subscription changes, the access level follows it, revenue moves.

export const STORE_EVENT_TYPES = [
  "subscription_started",
  "subscription_renewed",
  "subscription_renewal_cancelled",
  "subscription_renewal_reactivated",
  "trial_started",
  "trial_converted",
  "trial_expired",
  "entered_grace_period",
  "billing_issue_detected",
  "subscription_refunded",
  "subscription_expired",
  "non_subscription_purchase",
] as const;
export type StoreEventType = (typeof STORE_EVENT_TYPES)[number];

export interface StorePurchase {
  type: StoreEventType;
  accessLevelId: string;
  productId: string;
  store: "app_store" | "play_store";
  environment: string;
  /** In USD, already converted: what the profile's total revenue moves by. */
  priceUsd: number;
  cancellationReason: string | undefined;
}

/** The changed subscription (or one-time purchase) and the level it grants, after the change. */
export interface StoreChange {
  profile: StoredProfile;
  subscription: Subscription | null;
  purchase: NonSubscription | null;
  level: AccessLevel | null;
  consecutivePayments: number;
}

const STARTS_CHAIN: StoreEventType[] = ["subscription_started", "trial_started", "non_subscription_purchase"];
export const needsSubscription = (type: StoreEventType) => !STARTS_CHAIN.includes(type);

/** The latest subscription of this product in this store: the chain the event continues. */
export function findSubscription(profile: StoredProfile, store: string, productId: string): Subscription | undefined {
  return profile.subscriptions
    .filter((candidate) => candidate.store === store && candidate.store_product_id === productId)
    .at(-1);
}

const clearedIssues = {
  renewal_cancelled_at: null,
  billing_issue_detected_at: null,
  is_in_grace_period: false,
  cancellation_reason: null,
} satisfies Partial<Subscription>;

function firstPurchase(purchase: StorePurchase, now: number, trial: boolean): Subscription {
  const id = transactionId(purchase.store, null);
  return {
    store: purchase.store,
    store_product_id: purchase.productId,
    store_base_plan_id: basePlanOf(purchase.store, purchase.productId),
    store_transaction_id: id,
    store_original_transaction_id: id,
    offer: trial ? { category: "introductory", type: "free_trial", id: null } : null,
    environment: purchase.environment,
    purchased_at: adaptyTime(now),
    originally_purchased_at: adaptyTime(now),
    expires_at: adaptyTime(trial ? now + TRIAL_DAYS * 86_400_000 : periodEnd(purchase.productId, now)),
    ...clearedIssues,
  };
}

/** A new charge in the chain: a new transaction id, the original kept, a period from now. */
const charged = (current: Subscription, now: number): Subscription => ({
  ...current,
  ...clearedIssues,
  store_transaction_id: transactionId(current.store ?? "app_store", current.store_transaction_id ?? null),
  offer: null,
  purchased_at: adaptyTime(now),
  expires_at: adaptyTime(periodEnd(current.store_product_id ?? "", now)),
});

const ended = (current: Subscription, now: number, reason: string): Subscription => ({
  ...current,
  expires_at: adaptyTime(now),
  renewal_cancelled_at: current.renewal_cancelled_at ?? adaptyTime(now),
  is_in_grace_period: false,
  cancellation_reason: reason,
});

/** The subscription after the event (`current` is there for every type but the first purchases). */
function nextSubscription(purchase: StorePurchase, current: Subscription | undefined, now: number): Subscription {
  const reason = purchase.cancellationReason;
  if (!current || purchase.type === "subscription_started" || purchase.type === "trial_started")
    return firstPurchase(purchase, now, purchase.type === "trial_started");
  switch (purchase.type) {
    case "subscription_renewed":
    case "trial_converted":
      return charged(current, now);
    case "subscription_renewal_cancelled":
      return {
        ...current,
        renewal_cancelled_at: adaptyTime(now),
        cancellation_reason: reason ?? "voluntarily_cancelled",
      };
    case "subscription_renewal_reactivated":
      return { ...current, renewal_cancelled_at: null, cancellation_reason: null };
    case "entered_grace_period":
      return {
        ...current,
        is_in_grace_period: true,
        billing_issue_detected_at: current.billing_issue_detected_at ?? adaptyTime(now),
        expires_at: adaptyTime(graceEnd(current.store ?? "", now)),
      };
    case "billing_issue_detected":
      return { ...current, billing_issue_detected_at: adaptyTime(now), is_in_grace_period: false };
    case "subscription_refunded":
      return ended(current, now, "refund");
    default: // trial_expired, subscription_expired
      return ended(current, now, reason ?? current.cancellation_reason ?? "voluntarily_cancelled");
  }
}

/** The level a subscription grants: the same store facts, starting when bought. */
function levelOf(accessLevelId: string, subscription: Subscription | NonSubscription): AccessLevel {
  return {
    access_level_id: accessLevelId,
    store: subscription.store,
    store_product_id: subscription.store_product_id,
    store_base_plan_id: subscription.store_base_plan_id ?? null,
    store_transaction_id: subscription.store_transaction_id,
    store_original_transaction_id: subscription.store_original_transaction_id,
    offer: "offer" in subscription ? subscription.offer : null,
    starts_at: null,
    purchased_at: subscription.purchased_at,
    originally_purchased_at:
      "originally_purchased_at" in subscription ? subscription.originally_purchased_at : subscription.purchased_at,
    expires_at: "expires_at" in subscription ? subscription.expires_at : null,
    renewal_cancelled_at: "renewal_cancelled_at" in subscription ? subscription.renewal_cancelled_at : null,
    billing_issue_detected_at:
      "billing_issue_detected_at" in subscription ? subscription.billing_issue_detected_at : null,
    is_in_grace_period: "is_in_grace_period" in subscription ? subscription.is_in_grace_period : false,
    cancellation_reason: "cancellation_reason" in subscription ? subscription.cancellation_reason : null,
  };
}

const withLevel = (levels: AccessLevel[], level: AccessLevel) => [
  ...levels.filter((candidate) => candidate.access_level_id !== level.access_level_id),
  level,
];

const revenueAfter = (profile: StoredProfile, delta: number) =>
  Math.max(0, Math.round((profile.total_revenue_usd + delta) * 100) / 100);

/** A one-time purchase; a lifetime product also grants its level for good. */
function applyOneTime(profile: StoredProfile, purchase: StorePurchase, now: number): StoreChange {
  const id = transactionId(purchase.store, null);
  const bought: NonSubscription = {
    purchase_id: randomUUID(),
    store: purchase.store,
    store_product_id: purchase.productId,
    store_base_plan_id: null,
    store_transaction_id: id,
    store_original_transaction_id: id,
    purchased_at: adaptyTime(now),
    environment: purchase.environment,
    is_refund: false,
    is_consumable: !isLifetimeProduct(purchase.productId),
  };
  const level = isLifetimeProduct(purchase.productId) ? levelOf(purchase.accessLevelId, bought) : null;
  const changed: StoredProfile = {
    ...profile,
    non_subscriptions: [...profile.non_subscriptions, bought],
    access_levels: level ? withLevel(profile.access_levels, level) : profile.access_levels,
    total_revenue_usd: revenueAfter(profile, purchase.priceUsd),
    updated_at: adaptyTime(now),
  };
  return { profile: changed, subscription: null, purchase: bought, level, consecutivePayments: 1 };
}

/** Payments in a row so far: what the sandbox counted, or one per period since the first purchase. */
function paymentsSoFar(profile: StoredProfile, subscription: Subscription): number {
  const counted = profile.consecutive_payments?.[subscription.store_original_transaction_id ?? ""];
  if (counted !== undefined) return counted;
  const first = parseAdaptyTime(subscription.originally_purchased_at ?? "");
  const last = parseAdaptyTime(subscription.purchased_at ?? "");
  const periodMs = periodEnd(subscription.store_product_id ?? "", first) - first;
  return 1 + Math.max(0, Math.round((last - first) / periodMs));
}

function paymentsAfter(type: StoreEventType, before: number): number {
  if (type === "subscription_started" || type === "trial_converted") return 1;
  if (type === "trial_started") return 0;
  return type === "subscription_renewed" ? before + 1 : before;
}

/** The stored profile after one store event; `current` is the subscription it continues, when it has one. */
export function applyStoreEvent(profile: StoredProfile, purchase: StorePurchase, now: number): StoreChange {
  if (purchase.type === "non_subscription_purchase") return applyOneTime(profile, purchase, now);
  const current = findSubscription(profile, purchase.store, purchase.productId);
  const next = nextSubscription(purchase, current, now);
  const original = next.store_original_transaction_id ?? "";
  // A first purchase starts a new chain beside the old one; every other event continues it.
  const continues = current?.store_original_transaction_id === original;
  const payments = paymentsAfter(purchase.type, current ? paymentsSoFar(profile, current) : 0);
  const charge = ["subscription_started", "subscription_renewed", "trial_converted"].includes(purchase.type);
  const refund = purchase.type === "subscription_refunded";
  const level = levelOf(purchase.accessLevelId, next);
  const changed: StoredProfile = {
    ...profile,
    subscriptions: [...profile.subscriptions.filter((candidate) => !continues || candidate !== current), next],
    access_levels: withLevel(profile.access_levels, level),
    total_revenue_usd: revenueAfter(profile, charge ? purchase.priceUsd : refund ? -purchase.priceUsd : 0),
    consecutive_payments: { ...profile.consecutive_payments, [original]: payments },
    updated_at: adaptyTime(now),
  };
  return { profile: changed, subscription: next, purchase: null, level, consecutivePayments: payments };
}
