import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "./index";

/**
 * The key that signs staff sessions. Live mode requires AUTH_SECRET (checked at start-up);
 * sandbox mode generates one the first time and keeps it in DATA_DIR so that sessions
 * survive a restart.
 */
export function getAuthSecret(): string {
  const env = getEnv();
  if (env.authSecret) return env.authSecret;

  const file = path.join(env.dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(env.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    // "wx" fails if another process created it first; then theirs wins.
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim();
    }
  }
}
