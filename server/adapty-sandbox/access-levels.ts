import "server-only";
import { randomUUID } from "node:crypto";
import type { AccessLevel } from "@/lib/adapty/types";
import { adaptyTime, parseAdaptyTime } from "./model";
import type { ErrorEntry } from "./responses";

export type Outcome = { ok: true; levels: AccessLevel[] } | { ok: false; errorCode: string; errors: ErrorEntry[] };

/** "2028-08-29 09:33:42+00:00", the form Adapty's revoke error messages use. */
const messageTime = (time: number) =>
  new Date(time)
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d{3}Z$/, "+00:00");

/**
 * Grant. Adapty does not document granting a level the profile already has; the
 * sandbox replaces it with the granted one (docs/sandbox.md), which is also why the
 * console warns when a grant would end earlier than the current access.
 */
export function grant(
  levels: AccessLevel[],
  request: { accessLevelId: string; startsAt: number | null; expiresAt: number | null },
  now: number,
): Outcome {
  if (request.startsAt !== null && request.expiresAt !== null && request.expiresAt <= request.startsAt) {
    return {
      ok: false,
      errorCode: "validation_error",
      errors: [{ source: "expires_at", errors: ["expires_at must be later than starts_at."] }],
    };
  }
  const previous = levels.find((level) => level.access_level_id === request.accessLevelId);
  const transactionId = `granted-${randomUUID()}`;
  const granted: AccessLevel = {
    access_level_id: request.accessLevelId,
    store: "adapty",
    store_product_id: "adapty_granted",
    store_base_plan_id: null,
    store_transaction_id: transactionId,
    store_original_transaction_id:
      previous?.store === "adapty" ? (previous.store_original_transaction_id ?? transactionId) : transactionId,
    offer: null,
    starts_at: request.startsAt === null ? null : adaptyTime(request.startsAt),
    purchased_at: adaptyTime(now),
    originally_purchased_at: previous?.originally_purchased_at ?? adaptyTime(now),
    expires_at: request.expiresAt === null ? null : adaptyTime(request.expiresAt),
    renewal_cancelled_at: null,
    billing_issue_detected_at: null,
    is_in_grace_period: false,
    cancellation_reason: null,
  };
  return { ok: true, levels: [...levels.filter((level) => level !== previous), granted] };
}

/**
 * Revoke, with Adapty's documented rules: no time ends access now; a future time moves
 * the expiry there; a past time, or one later than the current expiry, is refused.
 */
export function revoke(
  levels: AccessLevel[],
  request: { accessLevelId: string; revokeAt: number | null },
  profileId: string,
  now: number,
): Outcome {
  const current = levels.find((level) => level.access_level_id === request.accessLevelId);
  if (!current) {
    return {
      ok: false,
      errorCode: "profile_paid_access_level_does_not_exist",
      errors: [
        {
          source: "non_field_errors",
          errors: [`Profile \`${profileId}\` has no \`${request.accessLevelId}\` access level`],
        },
      ],
    };
  }
  if (request.revokeAt !== null && request.revokeAt <= now) {
    return {
      ok: false,
      errorCode: "value_error",
      errors: [{ source: null, errors: ["Must be greater than the current time or null"] }],
    };
  }
  const expiresAt = current.expires_at ? parseAdaptyTime(current.expires_at) : null;
  if (request.revokeAt !== null && expiresAt !== null && request.revokeAt > expiresAt) {
    return {
      ok: false,
      errorCode: "revocation_date_more_than_expiration_date",
      errors: [
        {
          source: "revoke_at",
          errors: [
            `Revocation date (${messageTime(request.revokeAt)}) is more than current expiration date (${messageTime(expiresAt)})`,
          ],
        },
      ],
    };
  }
  const endsAt = request.revokeAt ?? (expiresAt !== null ? Math.min(expiresAt, now) : now);
  const revoked: AccessLevel = {
    ...current,
    expires_at: adaptyTime(endsAt),
    renewal_cancelled_at: current.renewal_cancelled_at ?? adaptyTime(now),
    cancellation_reason: "adapty_revoked",
  };
  return { ok: true, levels: levels.map((level) => (level === current ? revoked : level)) };
}
