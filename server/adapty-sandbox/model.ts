import "server-only";
import type {
  AccessLevel,
  CustomAttribute,
  InstallationMeta,
  NonSubscription,
  Profile,
  ProfileFields,
  Subscription,
} from "@/lib/adapty/types";

/** The app every sandbox profile belongs to (Adapty's answers always carry an app id). */
export const SANDBOX_APP_ID = "5a4d1b7e-0c3f-4e2a-9b6d-5a6e7c8d9f01";

/** Access levels the sandbox app has, unless configured otherwise. `premium` is Adapty's default. */
export const DEFAULT_SANDBOX_ACCESS_LEVELS = ["premium", "pro", "ad_free"];

/**
 * What the sandbox keeps about one profile: the Profile that the API returns, plus the
 * personal and installation fields that the API accepts but does not return (kept so
 * that tests and trainers can see what was stored).
 */
export interface StoredProfile {
  profile_id: string;
  customer_user_id: string | null;
  total_revenue_usd: number;
  segment_hash: string;
  custom_attributes: CustomAttribute[];
  access_levels: AccessLevel[];
  subscriptions: Subscription[];
  non_subscriptions: NonSubscription[];
  fields: Omit<ProfileFields, "custom_attributes" | "installation_meta">;
  installation_meta: InstallationMeta | null;
  /** Sandbox-only, never answered: payments in a row per original transaction id (webhooks' `consecutive_payments`). */
  consecutive_payments?: Record<string, number>;
  created_at: string;
  updated_at: string;
}

/** Times as Adapty writes them in answers: microseconds and a +00:00 offset. */
export function adaptyTime(date: Date | number): string {
  return new Date(date).toISOString().replace(/\.(\d{3})Z$/, ".$1000+00:00");
}

/** Parses any ISO 8601 time Adapty accepts, including the `+0000` offset form. */
export function parseAdaptyTime(value: string): number {
  return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
}

export function toProfile(stored: StoredProfile, now: number): Profile {
  return {
    app_id: SANDBOX_APP_ID,
    profile_id: stored.profile_id,
    customer_user_id: stored.customer_user_id,
    total_revenue_usd: stored.total_revenue_usd,
    segment_hash: stored.segment_hash,
    timestamp: now,
    custom_attributes: stored.custom_attributes,
    access_levels: stored.access_levels,
    subscriptions: stored.subscriptions,
    non_subscriptions: stored.non_subscriptions,
  };
}
