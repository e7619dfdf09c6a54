import "server-only";
import { getEmbeddedSandbox } from "@/server/adapty-sandbox/embedded";
import { getEnv } from "@/server/env";
import { createAdaptyClient, type AdaptyClient } from "./client";

export { AdaptyError, type AdaptyErrorKind } from "./errors";
export type { AdaptyClient } from "./client";

let client: AdaptyClient | undefined;

/**
 * The console's Adapty client. Live mode: Adapty at ADAPTY_API_URL with the secret key.
 * Sandbox mode: the same client, with the built-in sandbox answering in process instead
 * of the network — one code path for both.
 */
export function getAdaptyClient(): AdaptyClient {
  if (!client) {
    const { mode, adapty } = getEnv();
    if (mode === "live" && adapty.secretKey) {
      client = createAdaptyClient({ apiUrl: adapty.apiUrl, secretKey: adapty.secretKey, timeoutMs: adapty.timeoutMs });
    } else {
      const sandbox = getEmbeddedSandbox();
      client = createAdaptyClient({
        apiUrl: "http://sandbox.invalid",
        secretKey: sandbox.apiKey,
        timeoutMs: adapty.timeoutMs,
        fetch: (input, init) => sandbox.handle(new Request(input, init)),
      });
    }
  }
  return client;
}
