import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/server/db";
import { adaptyEvents, customerIdentifiers, customerIndex, webhookConnection } from "@/server/db/schema";
import type { ReceivedEvent } from "./parse";

/** What an event says about its customer's access, for the list of search matches. */
function accessOf(event: ReceivedEvent): { id: string; expiresAt: string | null; active: boolean }[] | undefined {
  if (event.eventType !== "access_level_updated" || !event.accessLevelId) return undefined;
  const properties = (event.payload.event_properties ?? {}) as Record<string, unknown>;
  const expiresAt = typeof properties.expires_at === "string" ? properties.expires_at : null;
  return [{ id: event.accessLevelId, expiresAt, active: properties.is_active === true }];
}

/** The identifiers an agent may search this customer by, sorted so parallel inserts lock in one order. */
function identifiersOf(event: ReceivedEvent): { value: string; kind: string; profileId: string }[] {
  const found = [
    { value: event.email?.toLowerCase(), kind: "email" },
    { value: event.transactionId, kind: "transaction_id" },
    { value: event.originalTransactionId, kind: "original_transaction_id" },
  ];
  return found
    .filter((entry): entry is { value: string; kind: string } => Boolean(entry.value))
    .map((entry) => ({ ...entry, profileId: event.profileId }))
    .sort((a, b) => `${a.value}\u0000${a.kind}`.localeCompare(`${b.value}\u0000${b.kind}`));
}

/**
 * Stores one delivered event and what it teaches the search index, in one transaction:
 * the event row, its customer's row, the identifiers. A redelivery (the same dedupe key)
 * changes nothing and answers false. The locks are taken in one order — the event's key,
 * the customer, then the identifiers sorted — so parallel deliveries cannot deadlock.
 */
export async function storeEvent(db: Database, event: ReceivedEvent): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(adaptyEvents)
      .values({ ...event })
      .onConflictDoNothing({ target: adaptyEvents.dedupeKey })
      .returning({ id: adaptyEvents.id });
    if (inserted.length === 0) return false;

    const access = accessOf(event);
    await tx
      .insert(customerIndex)
      .values({
        profileId: event.profileId,
        customerUserId: event.customerUserId,
        email: event.email,
        lastEventType: event.eventType,
        lastEventAt: sql`now()`,
        accessLevels: access ?? null,
        accessSeenAt: access ? sql`now()` : null,
      })
      .onConflictDoUpdate({
        target: customerIndex.profileId,
        set: {
          customerUserId: sql`coalesce(excluded.customer_user_id, ${customerIndex.customerUserId})`,
          email: sql`coalesce(excluded.email, ${customerIndex.email})`,
          lastEventType: sql`excluded.last_event_type`,
          lastEventAt: sql`excluded.last_event_at`,
          // An access event names one level: it replaces that level's entry, the others stay.
          accessLevels: access
            ? sql`coalesce((select jsonb_agg(level) from jsonb_array_elements(coalesce(${customerIndex.accessLevels}, '[]'::jsonb)) level where level->>'id' <> ${access[0]?.id}), '[]'::jsonb) || excluded.access_levels`
            : sql`${customerIndex.accessLevels}`,
          accessSeenAt: access ? sql`excluded.access_seen_at` : sql`${customerIndex.accessSeenAt}`,
          updatedAt: sql`now()`,
        },
      });

    const identifiers = identifiersOf(event);
    if (identifiers.length > 0) await tx.insert(customerIdentifiers).values(identifiers).onConflictDoNothing();
    return true;
  });
}

/** Records when the integration was first heard from (its verification request or first event). */
export async function noteWebhookConnected(db: Database): Promise<void> {
  await db.insert(webhookConnection).values({ id: 1 }).onConflictDoNothing();
}
