import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import english from "@/lib/i18n/messages/en.json";
import { ADAPTY_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { describeEvent, storeName } from "./describe-event";
import { formatPrice } from "./price";

const OWN = "0b6f2c5e-8d1a-4c3b-9e7f-1a2b3c4d5e6f";
const t = createTranslator({ locale: "en", messages: english, namespace: "Timeline" });

const payload = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  profile_id: OWN,
  event_properties: { vendor_product_id: "com.demo.premium.monthly", store: "app_store", ...properties },
  ...extra,
});

describe("describeEvent", () => {
  it.each(ADAPTY_EVENT_TYPES.filter((type) => type !== "access_level_updated"))(
    "%s has a sentence of its own",
    (type) => {
      const described = describeEvent(type, payload({}), OWN);
      expect(described.type).toBe(type);
      const sentence = t(`events.${described.type as Exclude<typeof type, "access_level_updated">}`, {
        product: described.product ?? "",
      });
      expect(sentence).not.toMatch(/[{}]|events\./);
    },
  );

  it("words every type differently", () => {
    const sentences = ADAPTY_EVENT_TYPES.map((type) => JSON.stringify(english.Timeline.events[type]));
    expect(new Set(sentences).size).toBe(ADAPTY_EVENT_TYPES.length);
  });

  it("keeps an unknown type's name for the generic sentence", () => {
    const described = describeEvent("subscription_teleported", payload({}), OWN);
    expect(described.type).toBe("unknown");
    expect(t("events.unknown", { type: described.sentType })).toBe("Adapty event subscription_teleported");
  });

  it("reads a renewal's product, price, store and environment", () => {
    const described = describeEvent(
      "subscription_renewed",
      payload({ price_local: 9.99, currency: "USD", environment: "Production" }),
      OWN,
    );
    expect(described).toMatchObject({
      product: "com.demo.premium.monthly",
      price: { amount: 9.99, currency: "USD" },
      store: { known: "app_store" },
      environment: "Production",
    });
    expect(t("events.subscription_renewed", { product: described.product! })).toBe("Renewed com.demo.premium.monthly");
  });

  it("reads a refund's cancellation reason and an access event's level, state and end", () => {
    const refund = describeEvent("subscription_refunded", payload({ cancellation_reason: "refund" }), OWN);
    expect(refund.reason).toEqual({ known: "refund" });
    expect(t("reason", { reason: t("reasons.refund") })).toBe("reason: refund");
    expect(describeEvent("subscription_expired", payload({ cancellation_reason: "time_travel" }), OWN).reason).toEqual({
      custom: "time_travel",
    });
    const access = describeEvent(
      "access_level_updated",
      payload({ access_level_id: "premium", is_active: true, expires_at: "2027-01-06T10:00:00.000000+0000" }),
      OWN,
    );
    expect(access).toMatchObject({ accessLevel: "premium", active: true, until: new Date("2027-01-06T10:00:00Z") });
    expect(t("events.access_level_updated", { level: "premium", active: "yes" })).toBe("premium access is active");
  });

  it("names every cancellation reason in words", () => {
    for (const words of Object.values(english.Timeline.reasons)) expect(words).not.toContain("_");
  });

  it("ignores an environment that is neither Production nor Sandbox, and a price without currency", () => {
    const described = describeEvent("subscription_renewed", payload({ environment: "Moon", price_local: 3 }), OWN);
    expect(described.environment).toBeNull();
    expect(described.price).toBeNull();
  });

  it("links the other profiles sharing the access, by customer user id or else profile id, itself left out", () => {
    const described = describeEvent(
      "access_level_updated",
      payload(
        { access_level_id: "premium" },
        {
          profiles_sharing_access_level: [
            { profile_id: OWN.toUpperCase(), customer_user_id: "me" },
            { profile_id: "11111111-2222-4333-8444-555555555555", customer_user_id: "family-2" },
            { profile_id: "22222222-2222-4333-8444-555555555555", customer_user_id: null },
            { profile_id: "11111111-2222-4333-8444-555555555555", customer_user_id: "family-2" },
            "garbage",
          ],
        },
      ),
      OWN,
    );
    expect(described.sharedWith).toEqual([
      { profileId: "11111111-2222-4333-8444-555555555555", label: "family-2" },
      { profileId: "22222222-2222-4333-8444-555555555555", label: "22222222-2222-4333-8444-555555555555" },
    ]);
  });
});

describe("storeName", () => {
  it.each([
    ["app_store", null, { known: "app_store" }, "App Store"],
    ["play_store", null, { known: "play_store" }, "Google Play"],
    ["stripe", null, { known: "stripe" }, "Stripe"],
    ["paddle", null, { known: "paddle" }, "Paddle"],
    [null, "adapty_server_side_product", { known: "adapty" }, "Adapty"],
    ["app_store", "adapty_dashboard_product", { known: "adapty" }, "Adapty"],
  ] as const)("%s / %s is %s", (store, product, expected, words) => {
    const name = storeName(store, product);
    expect(name).toEqual(expected);
    expect(t(`stores.${expected.known}`)).toBe(words);
  });

  it("keeps a custom store's own name, and says nothing when none is given", () => {
    expect(storeName("huawei_app_gallery", "x")).toEqual({ custom: "huawei_app_gallery" });
    expect(storeName(null, "x")).toBeNull();
  });
});

describe("formatPrice", () => {
  it("writes the price in its currency, the locale's way", () => {
    expect(formatPrice("en", 9.99, "USD")).toBe("$9.99");
    expect(formatPrice("en", 1200, "JPY")).toBe("¥1,200");
    expect(formatPrice("ja", 1200, "JPY")).toBe("￥1,200");
    expect(formatPrice("vi", 9.99, "EUR")).toMatch(/^9,99\s€$/);
  });

  it("writes an unknown currency code after the number", () => {
    expect(formatPrice("en", 5, "12")).toBe("5 12");
  });
});
