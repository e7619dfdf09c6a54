import { describe, expect, it } from "vitest";
import { validateAgainst } from "@/server/adapty/openapi/spec";
import { DEFAULT_SANDBOX_ACCESS_LEVELS, toProfile, type StoredProfile } from "../model";
import { seedProfiles } from "../seed";
import { SandboxStore } from "../store";
import { webhookTime, type WebhookEvent } from "./envelope";
import { simulateStoreEvent } from "./store-events";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-22T12:00:00.000Z");
const NO_ACCESS = "9c1e5a70-0000-4000-8000-000000000001";
const RENEWING = "9c1e5a70-0000-4000-8000-000000000002";

function simulated() {
  const store = new SandboxStore(undefined, () => seedProfiles(NOW - DAY));
  let now = NOW;
  const run = (profileId: string, body: Record<string, unknown>, minutesLater = 1) => {
    now += minutesLater * 60_000;
    const { response, events } = simulateStoreEvent({
      store,
      accessLevels: DEFAULT_SANDBOX_ACCESS_LEVELS,
      profileId,
      body,
      now,
    });
    const profile = store.findByProfileId(profileId) as StoredProfile;
    const check = validateAgainst("Profile", toProfile(profile, now));
    if (!check.ok) throw new Error(`not a valid Profile: ${JSON.stringify(check.issues)}`);
    const premium = profile.access_levels.find((level) => level.access_level_id === "premium");
    return { response, events, profile, premium, at: now };
  };
  return { run };
}

const types = (events: WebhookEvent[]) => events.map((event) => event.event_type);
const props = (events: WebhookEvent[], index: number) => events[index]?.event_properties ?? {};

describe("simulated store events", () => {
  it("starts, renews, cancels and reactivates a subscription, keeping the transaction chain", () => {
    const { run } = simulated();
    const started = run(NO_ACCESS, { type: "subscription_started" });
    expect(types(started.events)).toEqual(["subscription_started", "access_level_updated"]);
    const original = started.premium?.store_transaction_id;
    expect(started.premium).toMatchObject({ store: "app_store", store_original_transaction_id: original });
    expect(started.profile.total_revenue_usd).toBe(9.99);
    expect(props(started.events, 0)).toMatchObject({
      transaction_id: original,
      original_transaction_id: original,
      price_usd: 9.99,
      proceeds_usd: 8.49,
      consecutive_payments: 1,
      environment: "Production",
      subscription_expires_at: webhookTime("2026-12-22T12:01:00.000Z"),
    });
    expect(props(started.events, 1)).toMatchObject({ is_active: true, will_renew: true });

    const renewed = run(NO_ACCESS, { type: "subscription_renewed" });
    expect(renewed.premium?.store_transaction_id).not.toBe(original);
    expect(renewed.premium?.store_original_transaction_id).toBe(original);
    expect(renewed.profile.subscriptions).toHaveLength(1);
    expect(renewed.profile.total_revenue_usd).toBe(19.98);
    expect(props(renewed.events, 0)).toMatchObject({
      transaction_id: renewed.premium?.store_transaction_id,
      original_transaction_id: original,
      consecutive_payments: 2,
      profile_total_revenue_usd: 19.98,
    });
    expect(props(renewed.events, 1)).toMatchObject({ renewed_at: webhookTime(renewed.at) });

    const cancelled = run(NO_ACCESS, { type: "subscription_renewal_cancelled" });
    expect(cancelled.premium).toMatchObject({ cancellation_reason: "voluntarily_cancelled" });
    expect(cancelled.premium?.renewal_cancelled_at).not.toBeNull();
    expect(props(cancelled.events, 1)).toMatchObject({ will_renew: false, is_active: true });

    const reactivated = run(NO_ACCESS, { type: "subscription_renewal_reactivated" });
    expect(reactivated.premium).toMatchObject({ renewal_cancelled_at: null, cancellation_reason: null });
    expect(props(reactivated.events, 1)).toMatchObject({ will_renew: true });
  });

  it("runs a free trial to its conversion or its end", () => {
    const { run } = simulated();
    const trial = run(NO_ACCESS, { type: "trial_started", store: "play_store", environment: "Sandbox" });
    expect(trial.premium).toMatchObject({ offer: { category: "introductory", type: "free_trial" } });
    expect(trial.premium?.expires_at).toBe(new Date(trial.at + 7 * DAY).toISOString().replace("Z", "000+00:00"));
    expect(trial.premium?.store_transaction_id).toMatch(/^GPA\.\d{4}-\d{4}-\d{4}-\d{5}$/);
    expect(props(trial.events, 0)).toMatchObject({
      trial_duration: "7 days",
      price_usd: null,
      environment: "Sandbox",
      base_plan_id: "monthly-base",
    });
    expect(trial.profile.total_revenue_usd).toBe(0);

    const converted = run(NO_ACCESS, { type: "trial_converted", store: "play_store" });
    expect(converted.premium?.offer).toBeNull();
    expect(converted.premium?.store_transaction_id).toBe(`${trial.premium?.store_transaction_id}..0`);
    expect(props(converted.events, 0)).toMatchObject({ consecutive_payments: 1, environment: "Sandbox" });
    expect(converted.profile.total_revenue_usd).toBe(9.99);

    const other = simulated();
    other.run(NO_ACCESS, { type: "trial_started" });
    const expired = other.run(NO_ACCESS, { type: "trial_expired" });
    expect(expired.premium?.expires_at).toBe(new Date(expired.at).toISOString().replace("Z", "000+00:00"));
    expect(props(expired.events, 1)).toMatchObject({ is_active: false });
  });

  it("records billing issues, the grace period, a refund and an expiry on the seeded subscription", () => {
    const { run } = simulated();
    const billing = run(RENEWING, { type: "billing_issue_detected" });
    expect(billing.premium?.billing_issue_detected_at).not.toBeNull();
    expect(props(billing.events, 1).billing_issue_detected_at).toBe(webhookTime(billing.at));

    const grace = run(RENEWING, { type: "entered_grace_period" });
    expect(grace.premium).toMatchObject({ is_in_grace_period: true });
    const graceEnd = webhookTime(grace.at + 16 * DAY);
    expect(props(grace.events, 0).subscription_expires_at).toBe(graceEnd);
    expect(props(grace.events, 1)).toMatchObject({ is_in_grace_period: true, expires_at: graceEnd, is_active: true });

    const revenue = grace.profile.total_revenue_usd;
    const refunded = run(RENEWING, { type: "subscription_refunded" });
    expect(refunded.premium).toMatchObject({ cancellation_reason: "refund", is_in_grace_period: false });
    expect(refunded.profile.total_revenue_usd).toBe(Math.round((revenue - 9.99) * 100) / 100);
    expect(props(refunded.events, 1)).toMatchObject({
      is_refund: true,
      is_active: false,
      cancellation_reason: "refund",
    });
    expect(props(refunded.events, 0)).toMatchObject({
      transaction_id: grace.premium?.store_transaction_id,
      original_transaction_id: grace.premium?.store_original_transaction_id,
    });

    const second = simulated();
    const ended = second.run(RENEWING, { type: "subscription_expired", cancellation_reason: "billing_error" });
    expect(ended.premium).toMatchObject({ cancellation_reason: "billing_error" });
    expect(props(ended.events, 1)).toMatchObject({ is_active: false, cancellation_reason: "billing_error" });
  });

  it("records one-time purchases, granting lifetime access for a lifetime product", () => {
    const { run } = simulated();
    const coins = run(NO_ACCESS, {
      type: "non_subscription_purchase",
      vendor_product_id: "com.demo.coins.100",
      price: 0.99,
    });
    expect(types(coins.events)).toEqual(["non_subscription_purchase"]);
    expect(coins.profile.non_subscriptions).toHaveLength(1);
    expect(coins.profile.non_subscriptions[0]).toMatchObject({ is_consumable: true, is_refund: false });
    expect(coins.profile.access_levels).toEqual([]);

    const lifetime = run(NO_ACCESS, {
      type: "non_subscription_purchase",
      vendor_product_id: "com.demo.premium.lifetime",
      price: 49.99,
      currency: "EUR",
    });
    expect(types(lifetime.events)).toEqual(["non_subscription_purchase", "access_level_updated"]);
    expect(lifetime.premium).toMatchObject({ expires_at: null, store_product_id: "com.demo.premium.lifetime" });
    expect(props(lifetime.events, 0)).toMatchObject({ currency: "EUR", price_local: 49.99, price_usd: 53.99 });
    expect(props(lifetime.events, 1)).toMatchObject({ is_lifetime: true, is_active: true, will_renew: false });
    expect(lifetime.profile.total_revenue_usd).toBe(54.98);
  });

  it("refuses a bad body naming the field, an unknown profile, and a renewal of nothing", async () => {
    const { run } = simulated();
    const error = async (response: Response) => ((await response.json()) as { error: string }).error;
    const bad = run(NO_ACCESS, { type: "subscription_paused" });
    expect(bad.response.status).toBe(400);
    expect(await error(bad.response)).toContain("type");
    const price = run(NO_ACCESS, { type: "subscription_started", price: "free" });
    expect(await error(price.response)).toContain("price");
    const level = run(NO_ACCESS, { type: "subscription_started", access_level_id: "gold" });
    expect(await error(level.response)).toContain("access_level_id");
    const nothing = run(NO_ACCESS, { type: "subscription_renewed" });
    expect(nothing.response.status).toBe(409);
    expect(nothing.events).toEqual([]);
    const unknown = simulateStoreEvent({
      store: new SandboxStore(undefined, () => []),
      accessLevels: ["premium"],
      profileId: "9c1e5a70-0000-4000-8000-000000000099",
      body: { type: "subscription_started" },
      now: NOW,
    });
    expect(unknown.response.status).toBe(404);
  });
});
