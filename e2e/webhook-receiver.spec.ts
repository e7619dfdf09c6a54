import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { query } from "./support/database";
import { E2E_WEBHOOK_AUTHORIZATION, WEBHOOK_URL } from "./support/servers";
import { adaptyEventBody, deliver, someAddress, storedEvents } from "./support/webhooks";

// Adapty's webhook integration, as Adapty delivers it (WEBHOOKS.md): server to server, no
// Origin, no session, only the Authorization value. Adapty retries an answer outside
// 200–404 and nothing inside it, so each answer below is what Adapty would act on.

test("Adapty's verification request, {}, is answered 200 {}", async () => {
  expect(await deliver({})).toEqual({ status: 200, json: {} });
});

test("an event is stored once, however often it is delivered, with every field kept", async () => {
  const body = { ...adaptyEventBody({ eventType: "subscription_renewed" }), field_adapty_adds_later: "kept" };
  expect(await deliver(body)).toEqual({ status: 200, json: {} });
  expect(await deliver(body)).toEqual({ status: 200, json: { duplicate: true } });
  const stored = await storedEvents(body.profile_id);
  expect(stored).toHaveLength(1);
  expect(stored[0]?.event_type).toBe("subscription_renewed");
  expect(stored[0]?.payload.field_adapty_adds_later).toBe("kept");
});

test("an event type the console does not know is kept, as sent", async () => {
  const body = adaptyEventBody({ eventType: "subscription_something_new" });
  expect((await deliver(body)).status).toBe(200);
  expect((await storedEvents(body.profile_id)).map((event) => event.event_type)).toEqual([
    "subscription_something_new",
  ]);
});

test("a wrong or missing Authorization is refused with 401, stores nothing, and is audited without its value", async () => {
  const from = someAddress();
  const body = adaptyEventBody();
  const wrongValue = `wrong-${randomUUID()}`;
  expect((await deliver(body, { authorization: wrongValue, from })).status).toBe(401);
  expect((await deliver(body, { authorization: null, from })).status).toBe(401);
  expect(await storedEvents(body.profile_id)).toEqual([]);
  const rows = await query<{ detail: string; params: unknown }>(
    "select detail, params from audit_events where action = 'webhook.refused' and client_address = $1",
    [from.slice(0, 64)],
  );
  expect(rows.map((row) => row.detail)).toEqual(["Webhook delivery with a wrong Authorization header"]);
  expect(JSON.stringify(rows)).not.toContain(wrongValue);
});

test.describe("a malformed delivery is answered 400 with the reason, and nothing is stored", () => {
  const cases: [string, () => { body?: unknown; raw?: string; headers?: Record<string, string> }, RegExp][] = [
    ["not JSON", () => ({ raw: "{not json" }), /the body is not JSON/],
    ["a JSON array", () => ({ raw: "[1]" }), /not a JSON object/],
    ["a profile id that is not a UUID", () => ({ body: { ...adaptyEventBody(), profile_id: "x" } }), /profile_id/],
    [
      "an unreadable date",
      () => ({ body: { ...adaptyEventBody(), event_datetime: "32.13.2026" } }),
      /event_datetime must be a time/,
    ],
    [
      "a body over 100 kB",
      () => ({ body: { ...adaptyEventBody(), user_attributes: { big: "x".repeat(120_000) } } }),
      /larger than 100 kB/,
    ],
  ];
  for (const [name, make, reason] of cases) {
    test(name, async () => {
      const { body, raw, headers } = make();
      const answer = await deliver(body, { raw, headers });
      expect(answer.status).toBe(400);
      expect((answer.json as { error: string }).error).toMatch(reason);
      const profileId = (body as { profile_id?: string } | undefined)?.profile_id;
      if (profileId) expect(await storedEvents(profileId)).toEqual([]);
    });
  }
});

test("a streamed body without Content-Length is read (a sender may chunk it)", async () => {
  const body = adaptyEventBody();
  const bytes = new TextEncoder().encode(JSON.stringify(body));
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.slice(0, 100));
      controller.enqueue(bytes.slice(100));
      controller.close();
    },
  });
  const init = {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: E2E_WEBHOOK_AUTHORIZATION },
    body: stream,
    duplex: "half", // what fetch needs to stream a request body
  };
  const response = await fetch(WEBHOOK_URL, init);
  expect(response.status).toBe(200);
  expect(await storedEvents(body.profile_id)).toHaveLength(1);
});
