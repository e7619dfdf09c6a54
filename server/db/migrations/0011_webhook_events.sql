CREATE TABLE "adapty_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dedupe_key" text NOT NULL,
	"event_type" text NOT NULL,
	"sent_event_type" text NOT NULL,
	"environment" text,
	"event_at" timestamp with time zone,
	"profile_id" text NOT NULL,
	"customer_user_id" text,
	"email" text,
	"access_level_id" text,
	"vendor_product_id" text,
	"store" text,
	"transaction_id" text,
	"original_transaction_id" text,
	"payload" jsonb NOT NULL,
	CONSTRAINT "adapty_events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "customer_identifiers" (
	"value" text NOT NULL,
	"kind" text NOT NULL,
	"profile_id" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_identifiers_value_kind_profile_id_pk" PRIMARY KEY("value","kind","profile_id")
);
--> statement-breakpoint
CREATE TABLE "customer_index" (
	"profile_id" text PRIMARY KEY NOT NULL,
	"customer_user_id" text,
	"email" text,
	"last_event_type" text,
	"last_event_at" timestamp with time zone,
	"access_levels" jsonb,
	"access_seen_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_connection" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "adapty_events_profile" ON "adapty_events" USING btree ("profile_id","id");--> statement-breakpoint
CREATE INDEX "adapty_events_received" ON "adapty_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "customer_identifiers_profile" ON "customer_identifiers" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "customer_index_customer_user_id" ON "customer_index" USING btree ("customer_user_id" text_pattern_ops);