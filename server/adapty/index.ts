import "server-only";
import { getEnv } from "@/server/env";
import { createAdaptyClient, type AdaptyClient } from "./client";

export { AdaptyError } from "./errors";
export type { AdaptyClient } from "./client";

/** An Adapty that answers in process (the built-in sandbox): its key and its request handler. */
export interface InProcessAdapty {
  apiKey: string;
  handle: (request: Request) => Promise<Response>;
}

// Shared by every Next.js bundle in the process, like the sandbox itself.
const HOLDER = Symbol.for("adapty-support-console.adapty-client");
type Holder = { [HOLDER]?: { client?: AdaptyClient; inProcess?: InProcessAdapty } };
const state = () => ((globalThis as Holder)[HOLDER] ??= {});

/**
 * Sandbox mode: start-up (server/boot.ts) hands the built-in sandbox to the client here,
 * so this folder never imports the emulator and live mode never loads it.
 */
export function provideInProcessAdapty(adapty: InProcessAdapty): void {
  state().inProcess = adapty;
  state().client = undefined;
}

/**
 * The console's Adapty client. Live mode: Adapty at ADAPTY_API_URL with the secret key.
 * Sandbox mode: the same client, with the built-in sandbox answering in process instead
 * of the network — one code path for both.
 */
export function getAdaptyClient(): AdaptyClient {
  const held = state();
  if (!held.client) {
    const { mode, adapty } = getEnv();
    if (mode === "live" && adapty.secretKey) {
      held.client = createAdaptyClient({
        apiUrl: adapty.apiUrl,
        secretKey: adapty.secretKey,
        timeoutMs: adapty.timeoutMs,
      });
    } else {
      const sandbox = held.inProcess;
      if (!sandbox) throw new Error("Sandbox mode, but the built-in sandbox was not started (server/boot.ts).");
      held.client = createAdaptyClient({
        apiUrl: "http://sandbox.invalid",
        secretKey: sandbox.apiKey,
        timeoutMs: adapty.timeoutMs,
        fetch: (input, init) => sandbox.handle(new Request(input, init)),
      });
    }
  }
  return held.client;
}
