import { describe, expect, it } from "vitest";
import { parseAdaptyTime } from "../model";
import { seedProfiles } from "../seed";
import { demoHistory } from "./demo-history";
import type { WebhookEvent } from "./envelope";

const SEEDED_AT = Date.parse("2026-11-22T10:00:00.000Z");
const seeded = seedProfiles(SEEDED_AT);
const history = demoHistory(seeded);
const of = (customerUserId: string) => history.filter((event) => event.customer_user_id === customerUserId);
const types = (events: WebhookEvent[]) => events.map((event) => event.event_type);
const eventTime = (event: WebhookEvent) => parseAdaptyTime(event.event_datetime);

describe("demo history", () => {
  it("is oldest first, in the past of the seeding, with valid, stable and unique event ids", () => {
    const times = history.map(eventTime);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(SEEDED_AT);
    const ids = history.map((event) => String(event.event_properties.profile_event_id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Seeded at another moment (a reset), the same events keep the same ids.
    const again = demoHistory(seedProfiles(SEEDED_AT + 3 * 86_400_000));
    expect(again.map((event) => event.event_properties.profile_event_id).sort()).toEqual([...ids].sort());
  });

  it("ends each access level where the seed left it: same transactions, same chain", () => {
    for (const profile of seeded) {
      for (const level of profile.access_levels) {
        const about = history.filter(
          (event) =>
            event.profile_id === profile.profile_id && event.event_properties.access_level_id === level.access_level_id,
        );
        expect(about.length, `${profile.customer_user_id} ${level.access_level_id}`).toBeGreaterThan(0);
        expect(about.at(-1)?.event_properties.transaction_id).toBe(level.store_transaction_id);
        for (const event of about)
          expect(event.event_properties.original_transaction_id).toBe(level.store_original_transaction_id);
      }
    }
  });

  it("tells each demo customer's story", () => {
    const renewing = types(of("demo-active-renewing"));
    expect(renewing.slice(0, 4)).toEqual([
      "trial_started",
      "access_level_updated",
      "trial_converted",
      "access_level_updated",
    ]);
    expect(renewing.filter((type) => type === "subscription_renewed").length).toBeGreaterThanOrEqual(4);
    expect(of("demo-active-renewing").at(-2)?.event_properties).toMatchObject({ profile_total_revenue_usd: 59.94 });
    expect(types(of("demo-grace-period")).slice(-4)).toEqual([
      "billing_issue_detected",
      "access_level_updated",
      "entered_grace_period",
      "access_level_updated",
    ]);
    expect(of("demo-billing-issue").at(-2)).toMatchObject({
      event_type: "subscription_expired",
      event_properties: { cancellation_reason: "billing_error" },
    });
    expect(types(of("demo-expired")).slice(-4)).toEqual([
      "subscription_renewal_cancelled",
      "access_level_updated",
      "subscription_expired",
      "access_level_updated",
    ]);
    expect(of("demo-lifetime").map((event) => event.event_properties)).toMatchObject([
      { vendor_product_id: "adapty_server_side_product", store: "adapty", is_lifetime: true },
    ]);
    expect(of("demo-scheduled")[0]?.event_properties).toMatchObject({ is_active: false });
    expect(types(of("demo-purchases"))).toContain("non_subscription_purchase_refunded");
    expect(of("demo-purchases").some((event) => event.event_properties.environment === "Sandbox")).toBe(true);
    expect(of("demo-no-access")).toEqual([]);
  });

  it("covers only the demo profiles still stored, under who they are now", () => {
    const [, renewing, ...rest] = seedProfiles(SEEDED_AT);
    const renamed = { ...renewing!, customer_user_id: "renamed", fields: { email: "new@example.com" } };
    const copy = { ...renewing!, profile_id: "0d5f7d8e-1111-4222-8333-444455556666" };
    const partial = demoHistory([renamed, copy, ...rest.filter((p) => p.customer_user_id !== "demo-expired")]);
    expect(partial.some((event) => event.customer_user_id === "demo-expired")).toBe(false);
    expect(partial.some((event) => event.profile_id === copy.profile_id)).toBe(false);
    const mine = partial.filter((event) => event.profile_id === renewing!.profile_id);
    expect(mine.length).toBe(of("demo-active-renewing").length);
    expect(mine.every((event) => event.customer_user_id === "renamed" && event.email === "new@example.com")).toBe(true);
  });

  it("gives two demo customers one email, and the others their own", () => {
    const emails = seeded.map((profile) => profile.fields.email).filter((email) => email !== undefined);
    const shared = seeded.filter((profile) => profile.fields.email === "shared.family@example.com");
    expect(shared.map((profile) => profile.customer_user_id)).toEqual(["demo-renewal-cancelled", "demo-expired"]);
    expect(new Set(emails).size).toBe(emails.length - 1);
  });
});
