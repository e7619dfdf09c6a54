import "server-only";
import { getEmbeddedSandbox } from "@/server/adapty-sandbox/embedded";
import { getEnv } from "@/server/env";
import { createAdaptyClient, type AdaptyClient } from "./client";

export { AdaptyError, type AdaptyErrorKind } from "./errors";
export type { AdaptyClient } from "./client";

const KEY = Symbol.for("adapty-support-console.adapty-client");
type Holder = { [KEY]?: AdaptyClient };

/**
 * The console's Adapty client. Live mode: Adapty at ADAPTY_API_URL with the secret key.
 * Sandbox mode: the same client, with the built-in sandbox answering in process instead
 * of the network — one code path for both.
 */
export function getAdaptyClient(): AdaptyClient {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const { mode, adapty } = getEnv();
    if (mode === "live" && adapty.secretKey) {
      holder[KEY] = createAdaptyClient({ apiUrl: adapty.apiUrl, secretKey: adapty.secretKey, timeoutMs: adapty.timeoutMs });
    } else {
      const sandbox = getEmbeddedSandbox();
      holder[KEY] = createAdaptyClient({
        apiUrl: "http://sandbox.invalid",
        secretKey: sandbox.apiKey,
        timeoutMs: adapty.timeoutMs,
        fetch: (input, init) => sandbox.handle(new Request(input, init)),
      });
    }
  }
  return holder[KEY];
}
