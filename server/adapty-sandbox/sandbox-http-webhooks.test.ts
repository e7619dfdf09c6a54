import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { control, live, withStandaloneSandbox } from "./sandbox-http-kit";
import type { WebhookEvent } from "./webhooks/envelope";

// The standalone sandbox sending Adapty's webhooks over real HTTP to a tiny receiver: the
// configuration control, an API grant, a simulated store event, and a retry after a 503.
withStandaloneSandbox();

const AUTHORIZATION = "Bearer receiver-secret 42";
const received: { authorization: string | undefined; type: string | undefined; event: WebhookEvent }[] = [];
/** Statuses the receiver answers with, one per request, before going back to 200. */
const answers: number[] = [];
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const event = JSON.parse(Buffer.concat(chunks).toString("utf8")) as WebhookEvent;
      received.push({ authorization: request.headers.authorization, type: request.headers["content-type"], event });
      response.writeHead(answers.shift() ?? 200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/adapty/webhook`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const status = async () => (await control("GET", "webhook")).body;
const drained = () =>
  vi.waitFor(async () => expect((await status()).queued).toBe(0), { timeout: 10_000, interval: 20 });

describe("webhooks from the standalone sandbox", () => {
  it("refuses a bad configuration, naming the field, and never echoes the authorization", async () => {
    for (const [body, field] of [
      [{ url: "ftp://example.com/hook" }, "url"],
      [{ url: "not a url" }, "url"],
      [{ url: null, retryDelaysMs: [-1] }, "retryDelaysMs"],
      [{ url: null, secret: "x" }, "body"],
    ] as const) {
      const refused = await control("PUT", "webhook", body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(String(refused.body.error)).toContain(field === "body" ? "Invalid webhook" : field);
    }
    const unconfigured = await status();
    expect(unconfigured).toMatchObject({ url: null, authorization_set: false, queued: 0 });
    expect(unconfigured.retryDelaysMs).toHaveLength(9);
  });

  it("sends the demo history first, then a grant and a simulated renewal, retrying after a 503", async () => {
    const configured = await control("PUT", "webhook", {
      url: receiverUrl,
      authorization: AUTHORIZATION,
      retryDelaysMs: [50, 100],
    });
    expect(configured.status).toBe(200);
    expect(configured.body).toMatchObject({ url: receiverUrl, authorization_set: true, retryDelaysMs: [50, 100] });
    expect(JSON.stringify(configured.body)).not.toContain("receiver-secret");
    await drained();
    expect(received.length).toBeGreaterThan(50);
    expect(received.every((entry) => entry.authorization === AUTHORIZATION)).toBe(true);
    expect(received.every((entry) => entry.type === "application/json")).toBe(true);
    expect(received.some((entry) => entry.event.customer_user_id === "demo-active-renewing")).toBe(true);
    received.length = 0;

    await live.adapty.grantAccessLevel({ customerUserId: "demo-no-access" }, { accessLevelId: "pro", expiresAt: null });
    await drained();
    expect(received.map((entry) => entry.event)).toMatchObject([
      {
        customer_user_id: "demo-no-access",
        email: "sam.rivera@example.com",
        event_type: "access_level_updated",
        event_properties: {
          access_level_id: "pro",
          vendor_product_id: "adapty_server_side_product",
          is_lifetime: true,
        },
      },
    ]);
    received.length = 0;

    answers.push(503);
    const { value: before } = await live.adapty.getProfile({ customerUserId: "demo-active-renewing" });
    const original = before.access_levels[0]?.store_original_transaction_id;
    const simulated = await control("POST", `profiles/${before.profile_id}/events`, { type: "subscription_renewed" });
    expect(simulated.status).toBe(200);
    const events = simulated.body.events as WebhookEvent[];
    expect(events.map((event) => event.event_type)).toEqual(["subscription_renewed", "access_level_updated"]);
    await drained();
    expect(received.map((entry) => entry.event.event_type)).toEqual([
      "subscription_renewed",
      "subscription_renewed",
      "access_level_updated",
    ]);
    expect(received[1]?.event).toEqual(events[0]);
    expect(received[1]?.event.event_properties).toMatchObject({
      original_transaction_id: original,
      consecutive_payments: 8,
    });

    const { value: after } = await live.adapty.getProfile({ customerUserId: "demo-active-renewing" });
    expect(after.access_levels[0]?.store_transaction_id).toBe(events[0]?.event_properties.transaction_id);
    expect(after.total_revenue_usd).toBe(69.93);

    const log = (await control("GET", "webhook/deliveries?for=demo-active-renewing")).body.deliveries as {
      event_type: string;
      attempt: number;
      status: number;
      outcome: string;
    }[];
    expect(log.slice(-3).map((entry) => [entry.event_type, entry.attempt, entry.status, entry.outcome])).toEqual([
      ["subscription_renewed", 1, 503, "retrying"],
      ["subscription_renewed", 2, 200, "delivered"],
      ["access_level_updated", 1, 200, "delivered"],
    ]);
    expect(JSON.stringify(log)).not.toContain("receiver-secret");
    expect(await status()).toMatchObject({ queued: 0, failed: 0 });
  });

  it("clears the delivery log on reset and keeps the configuration; answers 404 for an unknown profile", async () => {
    await control("POST", "reset");
    expect((await control("GET", "webhook/deliveries")).body.deliveries).toEqual([]);
    expect(await status()).toMatchObject({ url: receiverUrl, authorization_set: true, delivered: 0 });
    const unknown = await control("POST", "profiles/9c1e5a70-0000-4000-8000-000000000099/events", {
      type: "subscription_started",
    });
    expect(unknown.status).toBe(404);
    await control("PUT", "webhook", { url: null });
  });
});

describe("contract", () => {
  it("every answer above conformed to Adapty's OpenAPI file", () => {
    expect(live.violations).toEqual([]);
  });
});
