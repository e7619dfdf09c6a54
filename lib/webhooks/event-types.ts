// Adapty's webhook event types (../shared/adapty/WEBHOOKS.md) and the kinds the timeline
// filters by. Shared by the receiver (which stores) and the timeline (which shows).

export const ADAPTY_EVENT_TYPES = [
  "subscription_started",
  "subscription_renewed",
  "subscription_renewal_cancelled",
  "subscription_renewal_reactivated",
  "subscription_expired",
  "subscription_paused",
  "subscription_deferred",
  "non_subscription_purchase",
  "trial_started",
  "trial_converted",
  "trial_expired",
  "trial_renewal_cancelled",
  "trial_renewal_reactivated",
  "entered_grace_period",
  "billing_issue_detected",
  "subscription_refunded",
  "non_subscription_purchase_refunded",
  "access_level_updated",
] as const;

export type AdaptyEventType = (typeof ADAPTY_EVENT_TYPES)[number];

export const isAdaptyEventType = (value: string): value is AdaptyEventType =>
  (ADAPTY_EVENT_TYPES as readonly string[]).includes(value);

/** What the timeline's filter offers: Adapty's events by kind, and the console's own actions. */
export const TIMELINE_KINDS = [
  "purchases",
  "renewals",
  "cancellations",
  "billing",
  "refunds",
  "access",
  "staff",
  "other",
] as const;

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const KIND_OF: Record<AdaptyEventType, TimelineKind> = {
  subscription_started: "purchases",
  non_subscription_purchase: "purchases",
  trial_started: "purchases",
  trial_converted: "purchases",
  subscription_renewed: "renewals",
  subscription_deferred: "renewals",
  subscription_renewal_cancelled: "cancellations",
  subscription_renewal_reactivated: "cancellations",
  trial_renewal_cancelled: "cancellations",
  trial_renewal_reactivated: "cancellations",
  subscription_expired: "cancellations",
  trial_expired: "cancellations",
  subscription_paused: "cancellations",
  entered_grace_period: "billing",
  billing_issue_detected: "billing",
  subscription_refunded: "refunds",
  non_subscription_purchase_refunded: "refunds",
  access_level_updated: "access",
};

/** The event types of one kind, for the timeline's query. */
export function eventTypesOfKind(kind: TimelineKind): AdaptyEventType[] {
  return ADAPTY_EVENT_TYPES.filter((type) => KIND_OF[type] === kind);
}

/** Access given without a store purchase (WEBHOOKS.md): a server-side grant, the dashboard, a promotion. */
export const NON_STORE_PRODUCTS = ["adapty_server_side_product", "adapty_dashboard_product", "adapty_promotion"];
