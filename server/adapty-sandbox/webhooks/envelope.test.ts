import { describe, expect, it } from "vitest";
import { ADAPTY_PATHS } from "@/server/adapty/paths";
import { createSandboxHandler } from "../handler";
import { DEFAULT_SANDBOX_ACCESS_LEVELS } from "../model";
import { seedProfiles } from "../seed";
import { SandboxStore } from "../store";
import { stableUuid, webhookTime, type WebhookEvent } from "./envelope";

const NOW = Date.parse("2026-11-22T12:00:00.123Z");
const DAY = 86_400_000;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const WEBHOOK_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+0000$/;

const TOP_LEVEL = [
  "profile_id",
  "customer_user_id",
  "email",
  "idfv",
  "idfa",
  "advertising_id",
  "profile_install_datetime",
  "user_agent",
  "event_type",
  "event_datetime",
  "event_properties",
  "event_api_version",
  "profiles_sharing_access_level",
  "user_attributes",
  "integration_ids",
];

/** A handler over the demo profiles whose events are collected. */
function sandbox() {
  const store = new SandboxStore(undefined, () => seedProfiles(NOW - DAY));
  const events: WebhookEvent[] = [];
  const handle = createSandboxHandler({
    store,
    apiKey: "k",
    accessLevels: DEFAULT_SANDBOX_ACCESS_LEVELS,
    now: () => NOW,
    onEvents: (made) => events.push(...made),
  });
  const call = (method: string, route: keyof typeof ADAPTY_PATHS, customerUserId: string, body?: unknown) =>
    handle(
      new Request(`http://sandbox.local${ADAPTY_PATHS[route]}`, {
        method,
        headers: { Authorization: "Api-Key k", "adapty-customer-user-id": customerUserId },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  return { store, events, call };
}

describe("webhook times and ids", () => {
  it("writes times with six fractional digits and +0000", () => {
    expect(webhookTime(NOW)).toBe("2026-11-22T12:00:00.123000+0000");
    expect(webhookTime("2026-11-22T12:00:00.123000+00:00")).toBe("2026-11-22T12:00:00.123000+0000");
  });

  it("derives the same valid UUID from the same name, and another from another", () => {
    expect(stableUuid("a:1")).toMatch(UUID_V5);
    expect(stableUuid("a:1")).toBe(stableUuid("a:1"));
    expect(stableUuid("a:2")).not.toBe(stableUuid("a:1"));
  });
});

describe("events of the API's own changes", () => {
  it("sends access_level_updated for a grant, from adapty_server_side_product", async () => {
    const { events, call, store } = sandbox();
    const answer = await call("POST", "grant", "demo-active-renewing", {
      access_level_id: "pro",
      expires_at: new Date(NOW + 30 * DAY).toISOString(),
    });
    expect(answer.status).toBe(200);
    expect(events).toHaveLength(1);
    const [event] = events as [WebhookEvent];
    expect(Object.keys(event)).toEqual(TOP_LEVEL);
    const stored = store.findByCustomerUserId("demo-active-renewing");
    const level = stored?.access_levels.find((candidate) => candidate.access_level_id === "pro");
    expect(event).toMatchObject({
      profile_id: stored?.profile_id,
      customer_user_id: "demo-active-renewing",
      email: "jane.doe@example.com",
      event_type: "access_level_updated",
      event_datetime: webhookTime(NOW),
      event_api_version: 1,
      profiles_sharing_access_level: [],
      user_attributes: { favourite_sport: "yoga", level: 12 },
    });
    expect(event.profile_install_datetime).toMatch(WEBHOOK_TIME);
    expect(event.event_properties).toMatchObject({
      access_level_id: "pro",
      store: "adapty",
      vendor_product_id: "adapty_server_side_product",
      environment: "Production",
      transaction_id: level?.store_transaction_id,
      original_transaction_id: level?.store_original_transaction_id,
      is_active: true,
      is_lifetime: false,
      is_refund: false,
      will_renew: false,
      expires_at: webhookTime(NOW + 30 * DAY),
      purchase_date: webhookTime(NOW),
      cancellation_reason: null,
      profile_has_access_level: true,
    });
    expect(event.event_properties.profile_event_id).toMatch(UUID_V4);
  });

  it("sends access_level_updated with adapty_revoked for a revoke, now or scheduled", async () => {
    const { events, call } = sandbox();
    await call("POST", "revoke", "demo-active-renewing", { access_level_id: "premium" });
    expect(events[0]?.event_properties).toMatchObject({
      is_active: false,
      cancellation_reason: "adapty_revoked",
      expires_at: webhookTime(NOW),
      vendor_product_id: "com.demo.premium.monthly",
      store: "app_store",
    });
    const later = new Date(NOW + 5 * DAY).toISOString();
    await call("POST", "revoke", "demo-renewal-cancelled", { access_level_id: "premium", revoke_at: later });
    expect(events[1]?.event_properties).toMatchObject({
      is_active: true,
      will_renew: false,
      cancellation_reason: "adapty_revoked",
      expires_at: webhookTime(NOW + 5 * DAY),
    });
    expect(events[1]?.event_properties.profile_event_id).not.toBe(events[0]?.event_properties.profile_event_id);
  });

  it("sends nothing for a refused change, nor for create, update and delete", async () => {
    const { events, call } = sandbox();
    await call("POST", "grant", "demo-no-access", { access_level_id: "no_such_level" });
    await call("POST", "revoke", "demo-no-access", { access_level_id: "premium" });
    await call("POST", "profile", "brand-new", { installation_meta: { device_id: "d" } });
    await call("PATCH", "profile", "brand-new", { first_name: "Ana", installation_meta: { device_id: "d" } });
    await call("DELETE", "profile", "brand-new");
    expect(events).toEqual([]);
  });
});
