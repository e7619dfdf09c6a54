import "server-only";
import path from "node:path";
import { getEnv, getSandboxServerEnv } from "@/server/env";
import { createSandboxHandler, type SandboxHandler } from "./handler";
import { DEFAULT_SANDBOX_ACCESS_LEVELS } from "./model";
import { seedProfiles } from "./seed";
import { SandboxStore } from "./store";
import { demoHistory } from "./webhooks/demo-history";
import { createWebhookSender, type WebhookSender } from "./webhooks/sender";

/** The key of the sandbox inside the console when SANDBOX_API_KEY is unset; demo data only. */
export const DEFAULT_EMBEDDED_SANDBOX_KEY = "sandbox";

export interface EmbeddedSandbox {
  handle: SandboxHandler;
  apiKey: string;
  /**
   * Adapty's webhooks of this sandbox: unconfigured (queued) until the console calls
   * `webhooks.configure({ url, authorization, send })`; the demo history goes first then.
   */
  webhooks: WebhookSender;
}

// One sandbox per process, shared by every Next.js bundle that imports this module.
const KEY = Symbol.for("adapty-support-console.embedded-sandbox");
type Holder = { [KEY]?: EmbeddedSandbox };

/**
 * The sandbox that answers in sandbox mode: the console's Adapty client calls it in
 * process, and /sandbox/adapty/… exposes the same instance over HTTP. Its state lives in
 * DATA_DIR/sandbox. The sandbox app knows the demo access levels and the configured ones.
 */
export function getEmbeddedSandbox(): EmbeddedSandbox {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const env = getEnv();
    const apiKey = getSandboxServerEnv().apiKey ?? DEFAULT_EMBEDDED_SANDBOX_KEY;
    const store = new SandboxStore(path.join(env.dataDir, "sandbox"), () => seedProfiles());
    const accessLevels = [...new Set([...DEFAULT_SANDBOX_ACCESS_LEVELS, ...env.adapty.accessLevels])];
    const webhooks = createWebhookSender(
      { url: null, authorization: null },
      { history: () => demoHistory(store.all()) },
    );
    const handle = createSandboxHandler({ store, apiKey, accessLevels, onEvents: webhooks.enqueue });
    holder[KEY] = { apiKey, handle, webhooks };
  }
  return holder[KEY];
}
