import { afterEach, describe, expect, it, vi } from "vitest";
import { seedProfiles } from "../seed";
import { envelope, type WebhookEvent } from "./envelope";
import { ADAPTY_RETRY_DELAYS_MS, createWebhookSender, type WebhookSender } from "./sender";

const [first, second] = seedProfiles();
const URL = "https://receiver.example/webhooks/adapty";
const event = (type: string, profile = first): WebhookEvent => envelope(profile!, type, Date.now(), {});

/** A fake receiver: answers each request with the next planned answer (then 200). */
function receiver(plan: (number | "network-error" | "hang")[] = []) {
  const requests: { request: Request; body: WebhookEvent; at: number }[] = [];
  const send = async (request: Request): Promise<Response> => {
    requests.push({ request, body: (await request.clone().json()) as WebhookEvent, at: Date.now() });
    const next = plan.shift() ?? 200;
    if (next === "network-error") throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    if (next === "hang") return new Promise<Response>(() => undefined);
    return new Response(next === 204 ? null : "{}", { status: next });
  };
  return { requests, send };
}

const senders: WebhookSender[] = [];
function sender(send: (request: Request) => Promise<Response>, retryDelaysMs = [10, 20, 40], extra = {}) {
  const created = createWebhookSender({ url: URL, authorization: "Bearer s3cret value", retryDelaysMs, send }, extra);
  senders.push(created);
  return created;
}
afterEach(() => {
  senders.splice(0).forEach((created) => created.close());
  vi.restoreAllMocks();
});

const settled = (created: WebhookSender) =>
  vi.waitFor(() => expect(created.status().queued).toBe(0), { timeout: 3_000, interval: 5 });

describe("webhook sender", () => {
  it("posts one JSON event per request with the Authorization value unchanged, and stops on success", async () => {
    const { requests, send } = receiver();
    const created = sender(send);
    created.enqueue([event("subscription_renewed"), event("access_level_updated")]);
    await settled(created);
    expect(requests.map(({ body }) => body.event_type)).toEqual(["subscription_renewed", "access_level_updated"]);
    const { request } = requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(URL);
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("authorization")).toBe("Bearer s3cret value");
    expect(created.status()).toMatchObject({ delivered: 2, failed: 0, queued: 0, authorization_set: true });
    expect(created.deliveries().map((entry) => [entry.attempt, entry.status, entry.outcome])).toEqual([
      [1, 200, "delivered"],
      [1, 200, "delivered"],
    ]);
  });

  it("omits the Authorization header when none is configured", async () => {
    const { requests, send } = receiver();
    const created = sender(send);
    created.configure({ url: URL, authorization: null });
    created.enqueue([event("trial_started")]);
    await settled(created);
    expect(requests[0]?.request.headers.has("authorization")).toBe(false);
    expect(created.status().authorization_set).toBe(false);
  });

  it.each([201, 204, 301, 400, 401, 404])("takes %i as delivered: no retry", async (status) => {
    const { requests, send } = receiver([status]);
    const created = sender(send);
    created.enqueue([event("subscription_started")]);
    await settled(created);
    expect(requests).toHaveLength(1);
    expect(created.status().delivered).toBe(1);
  });

  it.each([500, 502, 503, 429, 405])("retries after %i on the schedule", async (status) => {
    const { requests, send } = receiver([status, status]);
    const created = sender(send, [30, 60]);
    created.enqueue([event("subscription_expired")]);
    await settled(created);
    expect(requests).toHaveLength(3);
    const gaps = [requests[1]!.at - requests[0]!.at, requests[2]!.at - requests[1]!.at];
    expect(gaps[0]).toBeGreaterThanOrEqual(25);
    expect(gaps[1]).toBeGreaterThanOrEqual(55);
    expect(created.deliveries().map((entry) => entry.outcome)).toEqual(["retrying", "retrying", "delivered"]);
  });

  it("retries a network error and an answer that does not come in time", async () => {
    const { requests, send } = receiver(["network-error", "hang"]);
    const created = sender(send, [10, 10], { timeoutMs: 50 });
    created.enqueue([event("billing_issue_detected")]);
    await settled(created);
    expect(requests).toHaveLength(3);
    const errors = created.deliveries().map((entry) => entry.error);
    expect(errors).toEqual(["ECONNREFUSED", "no answer within 50 ms", null]);
  });

  it("gives up after the last retry, says so in one line without the Authorization value, and goes on", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { requests, send } = receiver([500, 500, 500, 500]);
    const created = sender(send, [5, 5, 5]);
    created.enqueue([event("subscription_refunded"), event("access_level_updated")]);
    await settled(created);
    expect(requests.map(({ body }) => body.event_type)).toEqual([
      ...Array<string>(4).fill("subscription_refunded"),
      "access_level_updated",
    ]);
    expect(created.status()).toMatchObject({ delivered: 1, failed: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("gave up on subscription_refunded");
    expect(String(warn.mock.calls[0]?.[0])).not.toContain("s3cret");
  });

  it("keeps one profile's events in order without holding other profiles behind a failing one", async () => {
    const { requests, send } = receiver([503]);
    const created = sender(send, [100]);
    created.enqueue([event("subscription_renewed", first), event("access_level_updated", first)]);
    created.enqueue([event("trial_started", second)]);
    await settled(created);
    expect(requests.map(({ body }) => `${body.customer_user_id} ${body.event_type}`)).toEqual([
      "demo-no-access subscription_renewed",
      "demo-active-renewing trial_started",
      "demo-no-access subscription_renewed",
      "demo-no-access access_level_updated",
    ]);
  });

  it("queues events until a URL is configured, then sends the history first", async () => {
    const { requests, send } = receiver();
    const created = createWebhookSender(
      { url: null, authorization: null },
      { history: () => [event("trial_started", first)] },
    );
    senders.push(created);
    created.enqueue([event("subscription_renewed", first), event("subscription_expired", second)]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests).toHaveLength(0);
    expect(created.status()).toMatchObject({ url: null, queued: 2 });
    created.configure({ url: URL, send });
    await settled(created);
    expect(requests.map(({ body }) => body.event_type)).toEqual([
      "trial_started",
      "subscription_expired",
      "subscription_renewed",
    ]);
  });

  it("skips a history that cannot be made, and throws nothing to the caller", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { requests, send } = receiver();
    const history = () => {
      throw new RangeError("Invalid time value");
    };
    const created = createWebhookSender({ url: null, authorization: null, send }, { history });
    senders.push(created);
    created.enqueue([event("subscription_renewed")]);
    expect(() => created.configure({ url: URL })).not.toThrow();
    await settled(created);
    expect(requests).toHaveLength(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain("no demo history sent");
  });

  it("bounds the queue and the log", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { send } = receiver();
    const created = createWebhookSender({ url: null, authorization: null, send }, { maxQueued: 3, maxLogged: 2 });
    senders.push(created);
    created.enqueue(Array.from({ length: 5 }, () => event("subscription_renewed")));
    expect(created.status()).toMatchObject({ queued: 3, failed: 2 });
    created.configure({ url: URL });
    await settled(created);
    expect(created.deliveries()).toHaveLength(2);
    created.clearLog();
    expect(created.deliveries()).toEqual([]);
    expect(created.status()).toMatchObject({ delivered: 0, failed: 0 });
  });

  it("uses Adapty's schedule by default: a minute, doubling, nine retries", () => {
    expect(ADAPTY_RETRY_DELAYS_MS).toEqual([60, 120, 240, 480, 960, 1920, 3840, 7680, 15360].map((s) => s * 1000));
    const created = createWebhookSender({ url: null, authorization: "x" });
    senders.push(created);
    expect(created.status().retryDelaysMs).toEqual(ADAPTY_RETRY_DELAYS_MS);
  });
});
