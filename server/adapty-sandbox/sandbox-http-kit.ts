import { afterAll, afterEach, beforeAll } from "vitest";
import { caught } from "@/server/adapty/client-test-kit";
import { createAdaptyClient, type AdaptyClient } from "@/server/adapty/client";
import { contractCheckedFetch } from "@/server/adapty/openapi/contract";
import { startStandaloneSandbox } from "./standalone";

// The real client against the standalone sandbox over real HTTP, shared by the sandbox's
// HTTP tests. Every answer is also checked against Adapty's OpenAPI file: each test file
// ends by asserting that `live.violations` stayed empty.
export const KEY = "secret_test_sandbox_key";
export const DAY = 86_400_000;

export const live = {
  sandbox: undefined as unknown as Awaited<ReturnType<typeof startStandaloneSandbox>>,
  adapty: undefined as unknown as AdaptyClient,
  violations: [] as string[],
};

export async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${live.sandbox.url}/__sandbox/${path}`, {
    method,
    headers: { Authorization: `Api-Key ${KEY}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const received = async () =>
  (await control("GET", "requests")).body.requests as {
    method: string;
    path: string;
    status: number | null;
    fault: string | null;
  }[];

/** The AdaptyError a call ended with (the client tests' own helper). */
export const failure = caught;

export function clientWith(options: { timeoutMs?: number; secretKey?: string } = {}) {
  return createAdaptyClient({
    apiUrl: live.sandbox.url,
    secretKey: options.secretKey ?? KEY,
    timeoutMs: options.timeoutMs ?? 2_000,
    fetch: contractCheckedFetch(fetch, live.violations),
  });
}

/** Starts a sandbox for the calling test file, resetting it after each test. */
export function withStandaloneSandbox() {
  beforeAll(async () => {
    live.sandbox = await startStandaloneSandbox({ port: 0, apiKey: KEY, dataDir: undefined });
    live.adapty = clientWith();
  });
  afterAll(() => live.sandbox.close());
  afterEach(async () => {
    await control("POST", "reset");
  });
}
