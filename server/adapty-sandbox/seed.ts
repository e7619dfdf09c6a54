import "server-only";
import type { AccessLevel, NonSubscription, Subscription } from "@/lib/adapty/types";
import { adaptyTime, type StoredProfile } from "./model";

const DAY = 86_400_000;
/** Two customers, one email (a family's old and new accounts): the console's search by email shows both. */
const SHARED_EMAIL = "shared.family@example.com";

/**
 * Demo profiles, one for each situation a support agent meets. Times are relative to
 * the moment of seeding so that "active" is active whenever the sandbox is (re)seeded.
 * Profile ids are fixed so that links in training material keep working.
 */
export function seedProfiles(now: number = Date.now()): StoredProfile[] {
  const at = (days: number) => adaptyTime(now + days * DAY);

  const storeLevel = (id: string, product: string, overrides: Partial<AccessLevel>): AccessLevel => ({
    access_level_id: id,
    store: "app_store",
    store_product_id: product,
    store_base_plan_id: null,
    store_transaction_id: `20000${Math.abs(hash(id + product + JSON.stringify(overrides)))}`,
    store_original_transaction_id: `10000${Math.abs(hash(product))}`,
    offer: null,
    starts_at: null,
    purchased_at: at(-10),
    originally_purchased_at: at(-190),
    expires_at: at(20),
    renewal_cancelled_at: null,
    billing_issue_detected_at: null,
    is_in_grace_period: false,
    cancellation_reason: null,
    ...overrides,
  });

  const grantedLevel = (id: string, overrides: Partial<AccessLevel>): AccessLevel =>
    storeLevel(id, "", {
      store: "adapty",
      store_product_id: "adapty_granted",
      store_transaction_id: `granted-${id}-${Math.abs(hash(JSON.stringify(overrides)))}`,
      store_original_transaction_id: `granted-${id}`,
      purchased_at: at(-3),
      originally_purchased_at: at(-3),
      ...overrides,
    });

  const subscriptionFor = (level: AccessLevel, environment = "Production"): Subscription => ({
    store: level.store,
    store_product_id: level.store_product_id,
    store_base_plan_id: level.store_base_plan_id,
    store_transaction_id: level.store_transaction_id,
    store_original_transaction_id: level.store_original_transaction_id,
    offer: level.offer,
    environment,
    purchased_at: level.purchased_at,
    originally_purchased_at: level.originally_purchased_at,
    expires_at: level.expires_at,
    renewal_cancelled_at: level.renewal_cancelled_at,
    billing_issue_detected_at: level.billing_issue_detected_at,
    is_in_grace_period: level.is_in_grace_period,
    cancellation_reason: level.cancellation_reason,
  });

  const profile = (
    index: number,
    customerUserId: string | null,
    parts: Partial<StoredProfile> & { access_levels?: AccessLevel[] },
  ): StoredProfile => ({
    profile_id: `9c1e5a70-0000-4000-8000-${String(index).padStart(12, "0")}`,
    customer_user_id: customerUserId,
    total_revenue_usd: 0,
    segment_hash: `seed${String(index).padStart(12, "0")}`,
    custom_attributes: [],
    access_levels: [],
    subscriptions: [],
    non_subscriptions: [],
    fields: {},
    installation_meta: null,
    created_at: at(-200),
    updated_at: at(-1),
    ...parts,
  });

  const renewing = storeLevel("premium", "com.demo.premium.monthly", {});
  const cancelled = storeLevel("premium", "com.demo.premium.monthly", {
    expires_at: at(9),
    renewal_cancelled_at: at(-4),
    cancellation_reason: "voluntarily_cancelled",
  });
  const grace = storeLevel("premium", "com.demo.premium.yearly", {
    store: "play_store",
    store_base_plan_id: "yearly-base",
    expires_at: at(4),
    billing_issue_detected_at: at(-2),
    is_in_grace_period: true,
  });
  const billingIssue = storeLevel("premium", "com.demo.premium.monthly", {
    expires_at: at(-6),
    billing_issue_detected_at: at(-6),
    cancellation_reason: "billing_error",
  });
  const expired = storeLevel("premium", "com.demo.premium.monthly", {
    purchased_at: at(-45),
    expires_at: at(-15),
    renewal_cancelled_at: at(-20),
    cancellation_reason: "voluntarily_cancelled",
  });
  const trial = storeLevel("pro", "com.demo.pro.weekly", {
    offer: { category: "introductory", type: "free_trial", id: null },
    purchased_at: at(-2),
    originally_purchased_at: at(-2),
    expires_at: at(5),
  });

  const purchase = (id: number, product: string, overrides: Partial<NonSubscription>): NonSubscription => ({
    purchase_id: `3b7c1d20-0000-4000-8000-${String(id).padStart(12, "0")}`,
    store: "app_store",
    store_product_id: product,
    store_base_plan_id: null,
    store_transaction_id: `30000${id}`,
    store_original_transaction_id: `30000${id}`,
    purchased_at: at(-30 + id),
    environment: "Production",
    is_refund: false,
    is_consumable: true,
    ...overrides,
  });

  return [
    profile(1, "demo-no-access", {
      custom_attributes: [{ key: "plan_interest", value: "annual" }],
      fields: { email: "sam.rivera@example.com" },
    }),
    profile(2, "demo-active-renewing", {
      total_revenue_usd: 59.94,
      access_levels: [renewing],
      subscriptions: [subscriptionFor(renewing)],
      custom_attributes: [
        { key: "favourite_sport", value: "yoga" },
        { key: "level", value: 12 },
      ],
      fields: {
        first_name: "Jane",
        last_name: "Doe",
        email: "jane.doe@example.com",
        store: "app_store",
        store_country: "US",
      },
    }),
    profile(3, "demo-renewal-cancelled", {
      total_revenue_usd: 29.97,
      access_levels: [cancelled],
      subscriptions: [subscriptionFor(cancelled)],
      fields: { email: SHARED_EMAIL },
    }),
    profile(4, "demo-grace-period", {
      total_revenue_usd: 39.99,
      access_levels: [grace],
      subscriptions: [subscriptionFor(grace)],
      fields: { email: "li.wei@example.com", store: "play_store" },
    }),
    profile(5, "demo-billing-issue", {
      total_revenue_usd: 9.99,
      access_levels: [billingIssue],
      subscriptions: [subscriptionFor(billingIssue)],
      fields: { email: "omar.haddad@example.com" },
    }),
    profile(6, "demo-expired", {
      total_revenue_usd: 19.98,
      access_levels: [expired],
      subscriptions: [subscriptionFor(expired)],
      fields: { email: SHARED_EMAIL },
    }),
    profile(7, "demo-lifetime", {
      access_levels: [grantedLevel("premium", { expires_at: null, purchased_at: at(-60) })],
      fields: { email: "beta.tester@example.com" },
    }),
    profile(8, "demo-scheduled", {
      access_levels: [grantedLevel("premium", { starts_at: at(5), expires_at: at(35) })],
      fields: { email: "priya.patel@example.com" },
    }),
    profile(9, "demo-multi-level", {
      total_revenue_usd: 104.93,
      access_levels: [
        renewing,
        trial,
        grantedLevel("ad_free", { expires_at: null }),
        { ...expired, access_level_id: "premium_legacy" },
      ],
      subscriptions: [subscriptionFor(renewing), subscriptionFor(trial), subscriptionFor(expired)],
      fields: { email: "power.user@example.com" },
    }),
    profile(10, "demo-purchases", {
      total_revenue_usd: 24.97,
      non_subscriptions: [
        purchase(1, "com.demo.coins.100", {}),
        purchase(2, "com.demo.coins.500", { is_refund: true }),
        purchase(3, "com.demo.unlock.themes", { is_consumable: false }),
        purchase(4, "com.demo.coins.100", { environment: "Sandbox" }),
      ],
      fields: { email: "gamer42@example.com" },
    }),
    profile(11, "demo-thirty-attributes", {
      custom_attributes: Array.from({ length: 30 }, (_, i) => ({
        key: `attribute_${String(i + 1).padStart(2, "0")}`,
        value: i % 3 === 0 ? i * 1.5 : `value ${i + 1}`,
      })),
      fields: { email: "many.attributes@example.com" },
    }),
    profile(12, null, {
      installation_meta: { device_id: "6f1c2b3a-0000-4000-8000-000000000012", platform: "Android" },
    }),
    // Identifiers that break careless consoles: a UUID that is a customer user id, URL
    // metacharacters and non-Latin letters, and markup that must be shown as text.
    profile(13, "0b6f2c5e-8d1a-4c3b-9e7f-1a2b3c4d5e6f", {
      access_levels: [renewing],
      fields: { email: "uuid.customer@example.com" },
    }),
    profile(14, "team/alpha user+é@example.com", {
      access_levels: [cancelled],
      fields: { email: "team.alpha@example.com" },
    }),
    profile(15, "<img src=x onerror=alert(1)>", {
      custom_attributes: [{ key: "nickname", value: "<script>alert(1)</script>" }],
    }),
  ];
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0;
  return value;
}
