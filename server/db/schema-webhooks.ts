// Not fenced with server-only: drizzle-kit loads this file (through schema.ts) to generate migrations.
// What Adapty's webhook integration tells the console (../shared/adapty/WEBHOOKS.md): the only
// record of what happened to a customer in the stores, and the index that lets agents find a
// customer by an email or a receipt's transaction id, which Adapty's API cannot.
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row per event Adapty delivered, stored before the receiver answers. Millions of rows
 * are expected on PostgreSQL: every read goes through an index (a profile's newest first;
 * the retention sweep by receipt time), and only inserts and the sweep's deletes write.
 */
export const adaptyEvents = pgTable(
  "adapty_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** profile_event_id, or type + transaction id + event time: a redelivery finds the first row. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    /** The type after ADAPTY_WEBHOOK_EVENT_NAMES: one of Adapty's names, or the sent one when unknown. */
    eventType: text("event_type").notNull(),
    /** The name as Adapty sent it (an app may rename its events in Adapty's dashboard). */
    sentEventType: text("sent_event_type").notNull(),
    /** `Production`, `Sandbox`, or null when the event does not say: kept apart and labelled. */
    environment: text("environment"),
    /** Adapty's business time (an expiry's end date), not when it was sent. */
    eventAt: timestamp("event_at", { withTimezone: true }),
    profileId: text("profile_id").notNull(),
    customerUserId: text("customer_user_id"),
    email: text("email"),
    accessLevelId: text("access_level_id"),
    vendorProductId: text("vendor_product_id"),
    store: text("store"),
    transactionId: text("transaction_id"),
    originalTransactionId: text("original_transaction_id"),
    /** The whole body as received, unknown fields included. */
    payload: jsonb("payload").notNull(),
  },
  (table) => [
    index("adapty_events_profile").on(table.profileId, table.id),
    index("adapty_events_received").on(table.receivedAt),
  ],
);

/**
 * One row per customer the console has heard of (a webhook event, a profile it read or
 * created): what the search's list of matches shows, and the customer-user-id prefix search.
 */
export const customerIndex = pgTable(
  "customer_index",
  {
    profileId: text("profile_id").primaryKey(),
    customerUserId: text("customer_user_id"),
    email: text("email"),
    /** The newest event received for this customer, for the list of matches. */
    lastEventType: text("last_event_type"),
    lastEventAt: timestamp("last_event_at", { withTimezone: true }),
    /** The access levels as last seen ({id, expiresAt, active}[]), and when. */
    accessLevels: jsonb("access_levels"),
    accessSeenAt: timestamp("access_seen_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // text_pattern_ops: `customer_user_id like 'prefix%'` uses the index whatever the collation.
    index("customer_index_customer_user_id").using("btree", table.customerUserId.op("text_pattern_ops")),
  ],
);

/**
 * Every email (lower-cased), transaction id and original transaction id an event named,
 * with the profile it belongs to: several customers may share one (a family's email).
 */
export const customerIdentifiers = pgTable(
  "customer_identifiers",
  {
    value: text("value").notNull(),
    kind: text("kind").notNull(),
    profileId: text("profile_id").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.value, table.kind, table.profileId] }),
    index("customer_identifiers_profile").on(table.profileId),
  ],
);

/** When the webhook integration was first heard from: "history since …" on every timeline. */
export const webhookConnection = pgTable("webhook_connection", {
  /** Always 1: a single row. */
  id: integer("id").primaryKey().default(1),
  connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
});
