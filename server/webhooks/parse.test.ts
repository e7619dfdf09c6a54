import { describe, expect, it } from "vitest";
import { ADAPTY_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { parseWebhook } from "./parse";
import { adaptyEventBody } from "./test-events";

const parse = (body: unknown, names = {}) => parseWebhook(JSON.stringify(body), names);
const event = (body: unknown) => {
  const parsed = parse(body);
  if (parsed.kind !== "event") throw new Error(`expected an event, got ${JSON.stringify(parsed)}`);
  return parsed.event;
};

describe("parseWebhook", () => {
  it("takes Adapty's verification request, {}, as the verification", () => {
    expect(parse({})).toEqual({ kind: "verification" });
  });

  it.each(ADAPTY_EVENT_TYPES)("reads a %s event with its searchable fields", (type) => {
    const body = adaptyEventBody({ eventType: type, email: "Someone@Example.com" });
    const read = event(body);
    expect(read.eventType).toBe(type);
    expect(read.sentEventType).toBe(type);
    expect(read.email).toBe("Someone@Example.com");
    expect(read.environment).toBe("Production");
    expect(read.transactionId).toBe((body.event_properties as { transaction_id: string }).transaction_id);
    expect(read.originalTransactionId).toBe("1000000000001");
    expect(read.eventAt?.toISOString()).toBe("2026-12-02T09:24:04.123Z");
  });

  it("keeps an event type Adapty may add later, and every field it does not know", () => {
    const body = { ...adaptyEventBody({ eventType: "subscription_upgraded_someday" }), future_field: { a: [1, 2] } };
    const read = event(body);
    expect(read.eventType).toBe("subscription_upgraded_someday");
    expect(read.payload.future_field).toEqual({ a: [1, 2] });
  });

  it("maps an app's renamed events back to Adapty's names, keeping the name sent", () => {
    const parsed = parse(adaptyEventBody({ eventType: "renewal" }), { renewal: "subscription_renewed" });
    expect(parsed.kind === "event" && [parsed.event.eventType, parsed.event.sentEventType]).toEqual([
      "subscription_renewed",
      "renewal",
    ]);
  });

  it("deduplicates by profile_event_id, and without one by type, transaction id and event time", () => {
    const body = adaptyEventBody();
    expect(event(body).dedupeKey).toBe(event(structuredClone(body)).dedupeKey);
    const { profile_event_id: _dropped, ...withoutId } = body.event_properties;
    const bare = { ...body, event_properties: withoutId };
    const fallback = event(bare).dedupeKey;
    expect(fallback).toContain(String(withoutId.transaction_id));
    expect(event({ ...bare, event_datetime: "2026-12-02T09:24:05.000000+0000" }).dedupeKey).not.toBe(fallback);
    expect(event({ ...bare, event_type: "subscription_refunded" }).dedupeKey).not.toBe(fallback);
  });

  it("keeps sandbox events apart by their environment", () => {
    expect(event(adaptyEventBody({ properties: { environment: "Sandbox" } })).environment).toBe("Sandbox");
  });

  it.each([
    ["not JSON", "{", "the body is not JSON"],
    ["an array", "[]", "the body is not a JSON object"],
    ["a string", '"x"', "the body is not a JSON object"],
  ])("refuses %s with a reason", (_name, text, reason) => {
    expect(parseWebhook(text, {})).toEqual({ kind: "malformed", reason });
  });

  it.each([
    ["no profile id", { profile_id: undefined }, "profile_id is missing"],
    ["a profile id that is not a UUID", { profile_id: "abc" }, "profile_id must be Adapty's profile id (a UUID)"],
    ["no event type", { event_type: undefined }, "event_type is missing"],
    ["an event type with spaces", { event_type: "a b" }, "event_type must be an event name"],
    ["a date that is not one", { event_datetime: "yesterday" }, "event_datetime must be a time"],
    ["31 February", { event_datetime: "2026-02-31T00:00:00.000000+0000" }, "event_datetime must be a time"],
    ["a control character in the email", { email: "a\nb@example.com" }, "email must not contain control characters"],
    ["a huge customer user id", { customer_user_id: "x".repeat(501) }, "customer_user_id must be at most 500"],
    ["event_properties that are not an object", { event_properties: "x" }, "event_properties"],
  ])("refuses an event with %s, saying which field", (_name, change, reason) => {
    const parsed = parse({ ...adaptyEventBody(), ...change });
    expect(parsed.kind).toBe("malformed");
    expect(parsed.kind === "malformed" && parsed.reason).toContain(reason);
  });
});
