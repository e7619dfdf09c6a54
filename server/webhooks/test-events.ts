// Adapty-shaped webhook bodies for tests (WEBHOOKS.md): the documented envelope, fresh ids.
import { randomUUID } from "node:crypto";

export interface TestEventOptions {
  profileId?: string;
  customerUserId?: string | null;
  email?: string | null;
  eventType?: string;
  properties?: Record<string, unknown>;
}

export type TestEventBody = Record<string, unknown> & { profile_id: string; event_properties: Record<string, unknown> };

export function adaptyEventBody(options: TestEventOptions = {}): TestEventBody {
  const transactionId = `7000${Math.floor(Math.random() * 1e12)}`;
  return {
    profile_id: options.profileId ?? randomUUID(),
    customer_user_id: options.customerUserId === undefined ? `customer-${randomUUID()}` : options.customerUserId,
    email: options.email === undefined ? null : options.email,
    idfv: null,
    idfa: null,
    advertising_id: null,
    profile_install_datetime: "2026-11-01T08:00:00.000000+0000",
    user_agent: "Adapty/3.0",
    event_type: options.eventType ?? "subscription_renewed",
    event_datetime: "2026-12-02T09:24:04.123456+0000",
    event_api_version: 1,
    profiles_sharing_access_level: [],
    event_properties: {
      profile_event_id: randomUUID(),
      store: "app_store",
      environment: "Production",
      vendor_product_id: "com.demo.premium.monthly",
      transaction_id: transactionId,
      original_transaction_id: "1000000000001",
      purchase_date: "2026-12-02T09:24:04.123456+0000",
      price_local: 9.99,
      currency: "USD",
      ...options.properties,
    },
  };
}
