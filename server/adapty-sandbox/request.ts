import "server-only";
import { timingSafeEqual } from "node:crypto";
import { decodeHeaderValue } from "@/server/adapty/paths";
import { adaptyError, validationError } from "./responses";

// Reading a request as Adapty does: the key, who it is about, and a bounded JSON body.

const MAX_BODY_BYTES = 1_000_000;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function keyMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Selector = { profileId?: string; customerUserId?: string };

export function selector(request: Request): Selector {
  const profileId = request.headers.get("adapty-profile-id");
  const customerUserId = request.headers.get("adapty-customer-user-id");
  return {
    profileId: profileId ? decodeHeaderValue(profileId) : undefined,
    customerUserId: customerUserId ? decodeHeaderValue(customerUserId) : undefined,
  };
}

export const missingSelector = () =>
  validationError([
    { source: null, errors: ["Either adapty-customer-user-id or adapty-profile-id header is required."] },
  ]);

export async function readBody(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return {
      ok: false,
      response: adaptyError(413, "request_too_large", [{ source: null, errors: ["Request body is too large."] }]),
    };
  }
  if (text.trim() === "") return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "invalid JSON";
    return {
      ok: false,
      response: adaptyError(400, "parse_error", [{ source: null, errors: [`JSON parse error - ${detail}`] }]),
    };
  }
}
