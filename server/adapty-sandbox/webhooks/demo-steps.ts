import "server-only";
import type { AccessLevel, NonSubscription } from "@/lib/adapty/types";
import { adaptyTime, parseAdaptyTime } from "../model";
import { periodEnd, TRIAL_DAYS, transactionId } from "./products";

// The past a demo access level implies: the purchases and renewals that led to its seeded
// state, then what happened to it (a cancellation, a billing issue, the end).

const DAY = 86_400_000;

/** What the demo products cost, in USD. */
const PRICES: Record<string, number> = {
  "com.demo.premium.monthly": 9.99,
  "com.demo.premium.yearly": 39.99,
  "com.demo.pro.weekly": 2.99,
  "com.demo.coins.100": 0.99,
  "com.demo.coins.500": 4.99,
  "com.demo.unlock.themes": 4.99,
};
export const priceOf = (productId: string | undefined) => PRICES[productId ?? ""] ?? 9.99;

export interface Step {
  type: string;
  at: number;
  /** The level as it stood then; null for a one-time purchase that grants none. */
  level: AccessLevel | null;
  purchase?: NonSubscription;
  consecutivePayments: number;
  /** What the step moved the profile's revenue by, in USD. */
  revenueUsd: number;
}

const time = (value: string | null | undefined) => (value ? parseAdaptyTime(value) : null);

/** The level as it stood at one charge: none of the later cancellations or issues yet. */
const asCharged = (level: AccessLevel, transaction: string, at: number, expiresAt: string | null) => ({
  ...level,
  store_transaction_id: transaction,
  offer: null,
  purchased_at: adaptyTime(at),
  expires_at: expiresAt,
  renewal_cancelled_at: null,
  billing_issue_detected_at: null,
  is_in_grace_period: false,
  cancellation_reason: null,
});

/**
 * The charges of a subscription level: the first purchase at its original purchase date (a
 * trial, converted a week later, when `trial`), renewals evenly spaced about a period apart,
 * the last one the seeded transaction. Intermediate transaction ids derive from `seed`.
 */
function charges(level: AccessLevel, trial: boolean, seed: string): Step[] {
  const product = level.store_product_id ?? "";
  const first = time(level.originally_purchased_at) ?? 0;
  const last = time(level.purchased_at) ?? first;
  const price = priceOf(product);
  const original = level.store_original_transaction_id ?? "";
  if (level.offer?.type === "free_trial") {
    return [{ type: "trial_started", at: first, level, consecutivePayments: 0, revenueUsd: 0 }];
  }
  const steps: Step[] = [];
  let firstPaid = first;
  if (trial) {
    const trialLevel = asCharged(level, original, first, adaptyTime(first + TRIAL_DAYS * DAY));
    const offer = { category: "introductory", type: "free_trial", id: null } as const;
    steps.push({
      type: "trial_started",
      at: first,
      level: { ...trialLevel, offer },
      consecutivePayments: 0,
      revenueUsd: 0,
    });
    firstPaid = first + TRIAL_DAYS * DAY;
  }
  const period = periodEnd(product, firstPaid) - firstPaid;
  const intervals = last > firstPaid ? Math.max(1, Math.round((last - firstPaid) / period)) : 0;
  let transaction = original;
  for (let i = 0; i <= intervals; i += 1) {
    const at = intervals === 0 ? firstPaid : firstPaid + ((last - firstPaid) * i) / intervals;
    const isLast = i === intervals;
    if (i > 0 || trial)
      transaction = isLast
        ? (level.store_transaction_id ?? "")
        : transactionId(level.store ?? "", transaction, `${seed}:${i}`);
    const expires = isLast ? (level.expires_at ?? null) : adaptyTime(periodEnd(product, at));
    const type = i > 0 ? "subscription_renewed" : trial ? "trial_converted" : "subscription_started";
    const charged = asCharged(level, transaction, at, expires);
    steps.push({ type, at, level: charged, consecutivePayments: i + 1, revenueUsd: price });
  }
  return steps;
}

/** What happened after the last charge, each at its seeded date and in its seeded order. */
function aftermath(level: AccessLevel, payments: number, seedTime: number): Step[] {
  const step = (type: string, at: number | null, overrides: Partial<AccessLevel> = {}): Step[] =>
    at === null ? [] : [{ type, at, level: { ...level, ...overrides }, consecutivePayments: payments, revenueUsd: 0 }];
  const billing = time(level.billing_issue_detected_at);
  const expires = time(level.expires_at);
  const cancelled = level.cancellation_reason === "billing_error" ? null : time(level.renewal_cancelled_at);
  const ended = expires !== null && expires <= seedTime ? expires : null;
  return [
    ...step("billing_issue_detected", billing, { is_in_grace_period: false, cancellation_reason: null }),
    ...(level.is_in_grace_period ? step("entered_grace_period", billing) : []),
    ...step("subscription_renewal_cancelled", cancelled, { cancellation_reason: "voluntarily_cancelled" }),
    ...step(level.offer?.type === "free_trial" ? "trial_expired" : "subscription_expired", ended),
  ];
}

/** The steps of one seeded access level: a grant, or a store subscription's whole story. */
export function levelSteps(level: AccessLevel, trial: boolean, seed: string, seedTime: number): Step[] {
  if (level.store === "adapty") {
    const at = time(level.purchased_at) ?? seedTime;
    return [{ type: "access_level_updated", at, level, consecutivePayments: 0, revenueUsd: 0 }];
  }
  const paid = charges(level, trial, seed);
  return [...paid, ...aftermath(level, paid.at(-1)?.consecutivePayments ?? 0, seedTime)];
}

/** A one-time purchase, and its refund two days later when it was refunded. */
export function purchaseSteps(purchase: NonSubscription): Step[] {
  const at = time(purchase.purchased_at) ?? 0;
  const price = priceOf(purchase.store_product_id);
  const bought = { ...purchase, is_refund: false };
  const steps: Step[] = [
    { type: "non_subscription_purchase", at, level: null, purchase: bought, consecutivePayments: 1, revenueUsd: price },
  ];
  if (purchase.is_refund) {
    steps.push({
      type: "non_subscription_purchase_refunded",
      at: at + 2 * DAY,
      level: null,
      purchase,
      consecutivePayments: 1,
      revenueUsd: -price,
    });
  }
  return steps;
}
