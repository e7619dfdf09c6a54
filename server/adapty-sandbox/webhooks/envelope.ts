import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { parseAdaptyTime, type StoredProfile } from "../model";

// Adapty's webhook envelope (shared/adapty/WEBHOOKS.md): the profile's identity at the top
// level, what happened in `event_properties`.

export type EventProperties = Record<string, unknown>;

export interface WebhookEvent {
  profile_id: string;
  customer_user_id: string | null;
  email: string | null;
  idfv: string | null;
  idfa: string | null;
  advertising_id: string | null;
  profile_install_datetime: string;
  user_agent: string | null;
  event_type: string;
  event_datetime: string;
  event_properties: EventProperties;
  event_api_version: 1;
  profiles_sharing_access_level: { profile_id: string; customer_user_id: string | null }[];
  user_attributes: Record<string, string | number>;
  integration_ids: Record<string, string>;
}

/** Times as Adapty writes them in webhooks: six fractional digits and `+0000` (not the API's `+00:00`). */
export function webhookTime(time: number | string): string {
  const ms = typeof time === "string" ? parseAdaptyTime(time) : time;
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000+0000");
}

/** A webhook time of a stored (API-form) time, keeping null. */
export const webhookTimeOrNull = (time: string | null | undefined): string | null =>
  time === null || time === undefined ? null : webhookTime(time);

/** The namespace of the demo history's event ids: a fixed UUID, never to change (receivers deduplicate on them). */
const HISTORY_EVENT_NAMESPACE = Buffer.from("3f0b9a4e6c2d4e1f8a7b5d4c3b2a1f0e", "hex");

/**
 * A UUID that is always the same for the same name (RFC 9562 version 5: SHA-1 of the
 * namespace and the name), so re-sent demo history carries the same `profile_event_id`
 * and a receiver deduplicates it.
 */
export function stableUuid(name: string): string {
  const hex = createHash("sha1").update(HISTORY_EVENT_NAMESPACE).update(name, "utf8").digest("hex");
  // Version nibble 5; variant bits 10xx.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join("-");
}

/**
 * One event about a profile. `profile_event_id` is a fresh UUID v4 unless the caller gives
 * one (the demo history does, to stay stable). The sandbox knows of no access sharing, so
 * `profiles_sharing_access_level` is empty.
 */
export function envelope(
  profile: StoredProfile,
  eventType: string,
  at: number,
  properties: EventProperties,
  eventId: string = randomUUID(),
): WebhookEvent {
  const meta = profile.installation_meta;
  return {
    profile_id: profile.profile_id,
    customer_user_id: profile.customer_user_id,
    email: profile.fields.email ?? null,
    idfv: meta?.idfv ?? null,
    idfa: meta?.idfa ?? null,
    advertising_id: meta?.advertising_id ?? null,
    profile_install_datetime: webhookTime(profile.created_at),
    user_agent: meta?.user_agent ?? null,
    event_type: eventType,
    event_datetime: webhookTime(at),
    event_properties: { ...properties, profile_event_id: eventId },
    event_api_version: 1,
    profiles_sharing_access_level: [],
    user_attributes: Object.fromEntries(profile.custom_attributes.map(({ key, value }) => [key, value])),
    integration_ids: {},
  };
}
