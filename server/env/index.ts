import "server-only";
import { parseEnv, type ConsoleEnv } from "./schema";

export type { ConsoleEnv, ConsoleMode } from "./schema";

/** Raised when the environment is invalid; its message is one line meant for the operator. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

let cached: ConsoleEnv | undefined;

/**
 * The validated configuration. next.config.js has already refused a bad environment
 * before the console starts, so inside the server this only parses once and caches.
 */
export function getEnv(): ConsoleEnv {
  if (!cached) {
    const result = parseEnv(process.env);
    if (!result.ok) throw new ConfigurationError(result.message);
    cached = result.env;
  }
  return cached;
}

/** True while `next build` runs: nothing may touch the database or Adapty then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/**
 * The standalone sandbox (`npm run sandbox`) is its own program with its own settings: its
 * API key (SANDBOX_API_KEY, or --api-key), DATA_DIR for its state, and the Authorization
 * value of the webhooks it sends (SANDBOX_WEBHOOK_AUTHORIZATION, or --webhook-authorization;
 * an environment variable keeps the secret out of the process list).
 */
export function getSandboxServerEnv(): {
  apiKey: string | undefined;
  dataDir: string;
  webhookAuthorization: string | undefined;
} {
  const apiKey = process.env.SANDBOX_API_KEY?.trim();
  const webhookAuthorization = process.env.SANDBOX_WEBHOOK_AUTHORIZATION;
  return {
    apiKey: apiKey ? apiKey : undefined,
    dataDir: getEnv().dataDir,
    webhookAuthorization: webhookAuthorization ? webhookAuthorization : undefined,
  };
}
