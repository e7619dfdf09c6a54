import "server-only";
import type { paths } from "@/lib/adapty/openapi-schema";

// Exactly as in Adapty's OpenAPI file, trailing slash included; checked against the
// generated `paths` type so a typo fails the build.
const path = <P extends keyof paths>(p: P) => p;

export const ADAPTY_PATHS = {
  profile: path("/api/v2/server-side-api/profile/"),
  grant: path("/api/v2/server-side-api/purchase/profile/grant/access-level/"),
  revoke: path("/api/v2/server-side-api/purchase/profile/revoke/access-level/"),
} as const;

/** Header values are bytes: ids travel as UTF-8, so that `é` or `张` survive the trip. */
export function encodeHeaderValue(value: string): string {
  return Buffer.from(value, "utf8").toString("latin1");
}

export function decodeHeaderValue(value: string): string {
  return Buffer.from(value, "latin1").toString("utf8");
}

/** ISO 8601 with an explicit offset, the form Adapty's documentation uses. */
export function toAdaptyDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
