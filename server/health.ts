import "server-only";
import { sql } from "drizzle-orm";
import { AdaptyError, getAdaptyClient } from "@/server/adapty";
import { getDb } from "@/server/db";
import { getEnv, type ConsoleMode } from "@/server/env";

export interface HealthCheck {
  ok: boolean;
  latencyMs: number;
  /** A short, fixed phrase: never an error message, a URL or anything secret. */
  detail: string;
}

export interface HealthReport {
  status: "ok" | "degraded";
  mode: ConsoleMode;
  database: HealthCheck;
  adapty: HealthCheck;
}

const CHECK_TIMEOUT_MS = 3_000;

async function timed(check: (signal: AbortSignal) => Promise<string>): Promise<HealthCheck> {
  const started = performance.now();
  const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
  try {
    const detail = await Promise.race([
      check(signal),
      new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new Error("timed out")))),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started), detail };
  } catch (error) {
    const detail = error instanceof HealthProblem ? error.message : signal.aborted ? "timed out" : "unreachable";
    return { ok: false, latencyMs: Math.round(performance.now() - started), detail };
  }
}

/** A failure whose message is safe to publish. */
class HealthProblem extends Error {}

async function checkDatabase(): Promise<string> {
  const db = await getDb();
  await db.execute(sql`select 1`);
  return "reachable";
}

/**
 * Asks Adapty for a profile that cannot exist: "not found" proves both that Adapty
 * answers and that it accepts the console's key, without touching any real customer.
 */
async function checkAdapty(): Promise<string> {
  try {
    await getAdaptyClient().getProfile({ profileId: "00000000-0000-0000-0000-000000000000" });
    return "reachable, key accepted";
  } catch (error) {
    if (!(error instanceof AdaptyError)) throw error;
    if (error.kind === "not_found") return getEnv().mode === "sandbox" ? "built-in sandbox" : "reachable, key accepted";
    if (error.kind === "key_rejected") throw new HealthProblem("key rejected");
    throw new HealthProblem(error.kind.replaceAll("_", " "));
  }
}

// The health endpoint is open to anyone; Adapty is asked at most once per 2 s however
// often it is called, so it cannot be used to spend the console's Adapty rate limit.
const ADAPTY_CHECK_TTL_MS = 2_000;
let adaptyCheck: { at: number; result: Promise<HealthCheck> } | undefined;

function cachedAdaptyCheck(): Promise<HealthCheck> {
  if (!adaptyCheck || Date.now() - adaptyCheck.at > ADAPTY_CHECK_TTL_MS) {
    adaptyCheck = { at: Date.now(), result: timed(checkAdapty) };
  }
  return adaptyCheck.result;
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, adapty] = await Promise.all([timed(checkDatabase), cachedAdaptyCheck()]);
  return {
    status: database.ok && adapty.ok ? "ok" : "degraded",
    mode: getEnv().mode,
    database,
    adapty,
  };
}
