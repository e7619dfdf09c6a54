import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/server/db";

/** How a match was found: an exact identifier from an event, or the start of a customer user id. */
export type MatchedBy = "email" | "transaction_id" | "original_transaction_id" | "customer_user_id";

export interface IndexedAccess {
  id: string;
  expiresAt: string | null;
  active: boolean;
}

/** One customer the console's index knows: what the list of matches shows. */
export interface CustomerMatch {
  profileId: string;
  customerUserId: string | null;
  email: string | null;
  lastEventType: string | null;
  lastEventAt: Date | null;
  accessLevels: IndexedAccess[] | null;
  accessSeenAt: Date | null;
  matchedBy: MatchedBy;
}

/** More than a support agent reads; the page says when there are more. */
export const MAX_MATCHES = 20;

const likePrefix = (value: string) => `${value.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

const toDate = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));

/**
 * Customers an agent's words name, from the index built from webhook events and the
 * profiles the console read or created: an email (any case), a store transaction or
 * original transaction id, exactly; a customer user id by its start. Every branch is an
 * index lookup (primary key or text_pattern_ops), so millions of events cost nothing here.
 */
export async function searchCustomerIndex(db: Database, query: string): Promise<CustomerMatch[]> {
  const text = query.trim();
  if (text === "") return [];
  const result: unknown = await db.execute(sql`
    with found as (
      (select profile_id, min(kind) as matched_by from customer_identifiers
        where (kind = 'email' and value = ${text.toLowerCase()})
           or (kind in ('transaction_id', 'original_transaction_id') and value = ${text})
        group by profile_id limit ${MAX_MATCHES + 1})
      union all
      (select profile_id, 'customer_user_id' from customer_index
        where customer_user_id like ${likePrefix(text)} order by customer_user_id limit ${MAX_MATCHES + 1})
    ), each as (
      select distinct on (profile_id) profile_id, matched_by from found order by profile_id, matched_by
    )
    select c.profile_id, c.customer_user_id, c.email, c.last_event_type, c.last_event_at, c.access_levels,
           c.access_seen_at, each.matched_by
      from each join customer_index c using (profile_id)
     order by c.last_event_at desc nulls last, c.profile_id
     limit ${MAX_MATCHES + 1}`);
  return (result as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    profileId: row.profile_id as string,
    customerUserId: (row.customer_user_id as string | null) ?? null,
    email: (row.email as string | null) ?? null,
    lastEventType: (row.last_event_type as string | null) ?? null,
    lastEventAt: toDate(row.last_event_at),
    accessLevels: (row.access_levels as IndexedAccess[] | null) ?? null,
    accessSeenAt: toDate(row.access_seen_at),
    matchedBy: row.matched_by as MatchedBy,
  }));
}
