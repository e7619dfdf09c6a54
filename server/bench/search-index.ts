import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/server/db/client";
import { searchCustomerIndex } from "@/server/webhooks/search";
import { adaptyEventsOf } from "@/server/webhooks/timeline-events";
import { emptyPostgres } from "./processes";
import { progress, spread, timed, type Spread } from "./stats";

/** The profile id the SQL below gives customer i: md5('p' || i) read as a UUID. */
function profileIdOf(i: number): string {
  const hex = createHash("md5").update(`p${i}`).digest("hex");
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
}

/**
 * The search and the timeline over a large index on PostgreSQL: `events` webhook events
 * of events/5 customers (each with an email and a transaction id per event), written
 * straight into a fresh database, then the queries an agent's lookups make, mixed.
 */
export async function searchOverManyEvents(
  url: string,
  events: number,
  queries: number,
): Promise<{ search: Spread; timeline: Spread }> {
  await emptyPostgres(url);
  const handle = await openDatabase({ databaseUrl: url, dataDir: "/nonexistent" });
  try {
    await handle.migrate();
    const customers = Math.max(1, Math.floor(events / 5));
    progress(`search: writing ${events.toLocaleString("en")} events of ${customers.toLocaleString("en")} customers`);
    const db = handle.db;
    const profile = (i: string) => sql.raw(`md5('p' || ${i})::uuid::text`);
    await db.execute(sql`insert into customer_index (profile_id, customer_user_id, email, last_event_type, last_event_at)
      select ${profile("i")}, 'user-' || i, 'user' || i || '@example.com', 'subscription_renewed', now()
        from generate_series(1, ${customers}) i`);
    await db.execute(sql`insert into adapty_events (dedupe_key, event_type, sent_event_type, environment, event_at,
        profile_id, customer_user_id, transaction_id, original_transaction_id, payload)
      select 'bench:' || i, 'subscription_renewed', 'subscription_renewed', 'Production', now(),
        ${profile("(i % " + customers + ")")}, 'user-' || (i % ${customers}), 'tx' || i, 'otx' || (i % ${customers}),
        jsonb_build_object('event_type', 'subscription_renewed', 'n', i)
        from generate_series(1, ${events}) i`);
    await db.execute(sql`insert into customer_identifiers (value, kind, profile_id)
      select 'user' || i || '@example.com', 'email', ${profile("i")} from generate_series(1, ${customers}) i
      union all select 'otx' || i, 'original_transaction_id', ${profile("i")} from generate_series(1, ${customers}) i
      union all select 'tx' || i, 'transaction_id', ${profile("(i % " + customers + ")")} from generate_series(1, ${events}) i
      on conflict do nothing`);
    await db.execute(sql`analyze`);

    const pick = (n: number) => 1 + Math.floor(Math.random() * n);
    const kinds = [
      () => `USER${pick(customers)}@example.com`,
      () => `tx${pick(events)}`,
      () => `otx${pick(customers)}`,
      () => `user-${pick(customers)}`.slice(0, 8), // a prefix many customer user ids share
      () => `nobody-${crypto.randomUUID()}`,
    ];
    const searches: number[] = [];
    const timelines: number[] = [];
    for (let round = 0; round < queries; round++) {
      searches.push((await timed(() => searchCustomerIndex(db, kinds[round % kinds.length]!()))).ms);
      const id = profileIdOf(pick(customers));
      timelines.push((await timed(() => adaptyEventsOf(db, id))).ms);
    }
    return { search: spread(searches.slice(20)), timeline: spread(timelines.slice(20)) };
  } finally {
    await handle.close();
  }
}
