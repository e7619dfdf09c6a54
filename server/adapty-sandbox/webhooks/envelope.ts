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

/**
 * A UUID that is always the same for the same name (SHA-1, laid out as version 5), so
 * re-sent demo history carries the same `profile_event_id` and a receiver deduplicates it.
 */
export function stableUuid(name: string): string {
  const bytes = createHash("sha1").update(`adapty-sandbox-webhook:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
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
