import "server-only";
import { z } from "zod";
import type { AdaptyEventType } from "@/lib/webhooks/event-types";
import { EVENT_NAME } from "@/lib/webhooks/event-names";
import { parseAdaptyWebhookTime } from "@/lib/webhooks/time";
import { isValidUserId } from "@/lib/profiles/user-ids";

/** An event as the console stores it: the fields it searches and shows, and the whole body. */
export interface ReceivedEvent {
  dedupeKey: string;
  eventType: string;
  sentEventType: string;
  environment: string | null;
  eventAt: Date | null;
  profileId: string;
  customerUserId: string | null;
  email: string | null;
  accessLevelId: string | null;
  vendorProductId: string | null;
  store: string | null;
  transactionId: string | null;
  originalTransactionId: string | null;
  payload: Record<string, unknown>;
}

export type ParsedWebhook =
  { kind: "verification" } | { kind: "event"; event: ReceivedEvent } | { kind: "malformed"; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A short text field: absent, null, or a bounded line; anything else makes the body malformed. */
const line = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !CONTROL.test(value), "must not contain control characters")
    .nullish()
    .transform((value) => (value === undefined || value === null || value.trim() === "" ? null : value));

const time = z
  .string()
  .max(64)
  .refine(
    (value) => parseAdaptyWebhookTime(value) !== undefined,
    "must be a time such as 2026-12-02T09:24:04.123456+0000",
  )
  .nullish();

// Only the fields the console relies on are checked; every other field is kept as sent
// (Adapty says its payload "may grow over time").
const envelope = z.looseObject({
  profile_id: z.string().regex(UUID, "must be Adapty's profile id (a UUID)"),
  customer_user_id: line(500).refine((value) => value === null || isValidUserId(value), "must be a usable id"),
  email: line(320),
  event_type: z.string().regex(EVENT_NAME, "must be an event name of letters, digits and _ . : - (at most 100)"),
  event_datetime: time,
  event_properties: z
    .looseObject({
      profile_event_id: line(100),
      environment: line(40),
      access_level_id: line(100),
      vendor_product_id: line(500),
      store: line(100),
      transaction_id: line(500),
      original_transaction_id: line(500),
    })
    .optional(),
});

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "the event is malformed";
  const field = issue.path.join(".");
  if (issue.code === "invalid_type" && issue.input === undefined) return `${field} is missing`;
  return field ? `${field} ${issue.message}` : issue.message;
}

/**
 * Reads one delivery's body: Adapty's verification request (`{}`), an event, or why it is
 * malformed (then nothing is stored). `names` maps an app's renamed events back to Adapty's.
 */
export function parseWebhook(body: string, names: Readonly<Record<string, AdaptyEventType>>): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { kind: "malformed", reason: "the body is not JSON" };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return { kind: "malformed", reason: "the body is not a JSON object" };
  if (Object.keys(json).length === 0) return { kind: "verification" };

  const parsed = envelope.safeParse(json);
  if (!parsed.success) return { kind: "malformed", reason: reasonOf(parsed.error) };
  const value = parsed.data;
  const properties = value.event_properties;
  const sent = value.event_type;
  const eventType = names[sent] ?? sent;
  const eventAt = value.event_datetime ? (parseAdaptyWebhookTime(value.event_datetime) ?? null) : null;
  const transactionId = properties?.transaction_id ?? null;
  const dedupeKey = properties?.profile_event_id
    ? `event:${properties.profile_event_id.toLowerCase()}`
    : `fallback:${eventType}:${value.profile_id.toLowerCase()}:${transactionId ?? ""}:${eventAt?.toISOString() ?? ""}`;

  return {
    kind: "event",
    event: {
      dedupeKey,
      eventType,
      sentEventType: sent,
      environment: properties?.environment ?? null,
      eventAt,
      profileId: value.profile_id.toLowerCase(),
      customerUserId: value.customer_user_id,
      email: value.email,
      accessLevelId: properties?.access_level_id ?? null,
      vendorProductId: properties?.vendor_product_id ?? null,
      store: properties?.store ?? null,
      transactionId,
      originalTransactionId: properties?.original_transaction_id ?? null,
      payload: json as Record<string, unknown>,
    },
  };
}
