import { expect, vi } from "vitest";
import { createAdaptyClient, type AdaptyClientOptions } from "./client";
import { AdaptyError } from "./errors";

// What the Adapty client's tests share: scripted answers in place of the network.

export const PROFILE = {
  app_id: "14c3d623-2f3a-455a-aa86-ef83dff6913b",
  profile_id: "3286abd3-48b0-4e9c-a5f6-ac0a006804a6",
  customer_user_id: "jane",
  total_revenue_usd: 0,
  segment_hash: "8f45947bad31ab0c",
  timestamp: 1736425645861,
  custom_attributes: [],
  access_levels: [],
  subscriptions: [],
  non_subscriptions: [],
};

export const ok = (body: unknown = { data: PROFILE }, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "Request-Id": "req-ok", ...headers } });

export const failure = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Request-Id": `req-${status}`, ...headers } });

export const networkError = (code: string) =>
  Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

export type Step = Response | Error | "hang";

/** A fetch that plays the given answers in order and records what it was sent. */
export function scripted(steps: Step[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn((url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init: init ?? {} });
    const step = steps.shift();
    if (!step) throw new Error("no more scripted answers");
    if (step === "hang") {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error));
      });
    }
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

export function client(steps: Step[], overrides: Partial<AdaptyClientOptions> = {}) {
  const { fetch, calls } = scripted(steps);
  const sleeps: number[] = [];
  const adapty = createAdaptyClient({
    apiUrl: "https://api.adapty.test/",
    secretKey: "secret_live_TOPSECRET",
    timeoutMs: 50,
    fetch,
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  });
  return { adapty, calls, sleeps };
}

export async function caught(promise: Promise<unknown>): Promise<AdaptyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdaptyError);
  return error as AdaptyError;
}
