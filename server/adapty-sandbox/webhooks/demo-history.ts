import "server-only";
import { parseAdaptyTime, type StoredProfile } from "../model";
import { seedProfiles } from "../seed";
import { stableUuid, type WebhookEvent } from "./envelope";
import { priceOf, levelSteps, purchaseSteps, type Step } from "./demo-steps";
import { TRIAL_DAYS } from "./products";
import { accessLevelEvent, environmentOf, movesMoney, storeEvent } from "./properties";

// The demo profiles' past as webhooks, so that a console connected to the sandbox shows
// timelines at once: for each demo profile, the events that led to its seeded state,
// dated at the seeded times, with `profile_event_id`s that are the same on every send.

const DAY = 86_400_000;
/** seed.ts dates every demo profile's creation 200 days before the seeding. */
const SEED_AGE_MS = 200 * DAY;
const DEMO_PROFILE_ID = /^9c1e5a70-0000-4000-8000-0000000000\d\d$/;
/** Demo customers whose subscription began with a free trial. */
const STARTED_WITH_TRIAL = new Set(["demo-active-renewing"]);

const cents = (value: number) => Math.max(0, Math.round(value * 100) / 100);

function eventsOfStep(step: Step, profile: StoredProfile, nextId: () => string): WebhookEvent[] {
  const { level, purchase, at } = step;
  if (step.type === "access_level_updated" && level) return [accessLevelEvent(profile, level, at, nextId())];
  const source = purchase ?? (level ? { ...level } : null);
  if (!source) return [];
  const product = source.store_product_id;
  const free = step.type === "trial_started";
  const event = storeEvent(
    profile,
    step.type,
    at,
    source,
    {
      money: { price: free ? null : priceOf(product), currency: "USD" },
      movesMoney: movesMoney(step.type),
      consecutivePayments: step.consecutivePayments,
      environment: purchase ? purchase.environment : level ? environmentOf(profile, level) : undefined,
      cancellationReason: level?.cancellation_reason ?? (purchase?.is_refund ? "refund" : null),
      trialDuration: step.type.startsWith("trial_") ? `${TRIAL_DAYS} days` : null,
    },
    nextId(),
  );
  return level ? [event, accessLevelEvent(profile, level, at, nextId())] : [event];
}

/** One demo profile's history, or none for a profile that is not a demo one. */
function historyOf(current: StoredProfile): WebhookEvent[] {
  if (!DEMO_PROFILE_ID.test(current.profile_id)) return [];
  const seedTime = parseAdaptyTime(current.created_at) + SEED_AGE_MS;
  const seeded = seedProfiles(seedTime).find((profile) => profile.profile_id === current.profile_id);
  if (!seeded) return [];
  const id = seeded.profile_id;
  const trial = STARTED_WITH_TRIAL.has(seeded.customer_user_id ?? "");
  const steps = [
    ...seeded.access_levels.flatMap((level) => levelSteps(level, trial, `${id}:${level.access_level_id}`, seedTime)),
    ...seeded.non_subscriptions.flatMap(purchaseSteps),
  ].sort((a, b) => a.at - b.at);

  // Revenue counted back from the seeded total, so the last event shows what the API shows.
  let after = seeded.total_revenue_usd - steps.reduce((sum, step) => sum + step.revenueUsd, 0);
  let index = 0;
  const nextId = () => stableUuid(`${id}:${index++}`);
  // Who the profile is now (a renamed customer is indexed under its new id); what it had then.
  const identity = { ...seeded, ...pickIdentity(current) };
  return steps.flatMap((step) => {
    after += step.revenueUsd;
    const then = { ...identity, access_levels: step.level ? [step.level] : [], total_revenue_usd: cents(after) };
    return eventsOfStep(step, then, nextId);
  });
}

function pickIdentity(profile: StoredProfile): Partial<StoredProfile> {
  const { customer_user_id, fields, custom_attributes, installation_meta } = profile;
  return { customer_user_id, fields, custom_attributes, installation_meta };
}

/** The history of the demo profiles still stored, oldest first. */
export function demoHistory(profiles: StoredProfile[]): WebhookEvent[] {
  return profiles
    .flatMap(historyOf)
    .sort((a, b) => (a.event_datetime < b.event_datetime ? -1 : a.event_datetime > b.event_datetime ? 1 : 0));
}
