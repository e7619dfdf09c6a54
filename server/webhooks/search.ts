import "server-only";
import { sql } from "drizzle-orm";
import type { Candidate, FoundBy, IndexedAccessLevel } from "@/lib/search/combine";
import type { Database } from "@/server/db";

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
export async function searchCustomerIndex(db: Database, query: string): Promise<Candidate[]> {
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
           each.matched_by
      from each join customer_index c using (profile_id)
     order by c.last_event_at desc nulls last, c.profile_id
     limit ${MAX_MATCHES + 1}`);
  return (result as { rows: Record<string, unknown>[] }).rows.map((row) => ({
    profileId: row.profile_id as string,
    customerUserId: (row.customer_user_id as string | null) ?? null,
    email: (row.email as string | null) ?? null,
    lastEventType: (row.last_event_type as string | null) ?? null,
    lastEventAt: toDate(row.last_event_at),
    accessLevels: (row.access_levels as IndexedAccessLevel[] | null) ?? null,
    foundBy: [row.matched_by as FoundBy],
  }));
}
