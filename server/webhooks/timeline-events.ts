import "server-only";
import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { eventTypesOfKind, ADAPTY_EVENT_TYPES, type TimelineKind } from "@/lib/webhooks/event-types";
import type { Database } from "@/server/db";
import { adaptyEvents, webhookConnection } from "@/server/db/schema";

export type StoredAdaptyEvent = typeof adaptyEvents.$inferSelect;

export interface EventPage {
  events: StoredAdaptyEvent[];
  /** The id to pass as `before` for the next (older) page, or null at the start of history. */
  olderThan: number | null;
}

export interface EventFilter {
  /** Adapty kinds only ("staff" is the console's own rows); none given: every kind. */
  kinds?: TimelineKind[];
  environment?: "Production" | "Sandbox";
  /** Only events received before this one (its id), for paging back. */
  before?: number;
  limit?: number;
}

function kindCondition(kinds: TimelineKind[]): SQL | undefined {
  const types = kinds.flatMap((kind) => eventTypesOfKind(kind));
  const known = inArray(adaptyEvents.eventType, types);
  if (!kinds.includes("other")) return types.length > 0 ? known : sql`false`;
  const unknown = sql`${adaptyEvents.eventType} not in (${sql.join(
    ADAPTY_EVENT_TYPES.map((type) => sql`${type}`),
    sql`, `,
  )})`;
  return types.length > 0 ? sql`(${known} or ${unknown})` : unknown;
}

/** One customer's Adapty events, newest received first, through the (profile_id, id) index. */
export async function adaptyEventsOf(db: Database, profileId: string, filter: EventFilter = {}): Promise<EventPage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
  const rows = await db
    .select()
    .from(adaptyEvents)
    .where(
      and(
        eq(adaptyEvents.profileId, profileId.toLowerCase()),
        filter.before === undefined ? undefined : lt(adaptyEvents.id, filter.before),
        filter.environment === undefined ? undefined : eq(adaptyEvents.environment, filter.environment),
        filter.kinds === undefined ? undefined : kindCondition(filter.kinds),
      ),
    )
    .orderBy(desc(adaptyEvents.id))
    .limit(limit + 1);
  const events = rows.slice(0, limit);
  return { events, olderThan: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}

/**
 * Since when the console knows a customer's history: when the webhook was connected, or
 * the retention limit when that is later (older events have been swept away); null when
 * Adapty's webhook has never been heard from.
 */
export async function historySince(
  db: Database,
  retentionDays: number,
): Promise<{ since: Date; trimmed: boolean } | null> {
  const [row] = await db.select().from(webhookConnection).limit(1);
  if (!row) return null;
  const kept = new Date(Date.now() - retentionDays * 86_400_000);
  return row.connectedAt < kept ? { since: kept, trimmed: true } : { since: row.connectedAt, trimmed: false };
}

/** When Adapty's webhook was first heard from (the search index's events start there), or null. */
export async function webhookConnectedAt(db: Database): Promise<Date | null> {
  const [row] = await db.select().from(webhookConnection).limit(1);
  return row?.connectedAt ?? null;
}
