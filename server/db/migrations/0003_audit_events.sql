CREATE TYPE "public"."audit_outcome" AS ENUM('pending', 'succeeded', 'failed', 'unknown');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"actor_role" text,
	"action" text NOT NULL,
	"target_profile_id" text,
	"target_customer_user_id" text,
	"params" jsonb,
	"reason" text,
	"ticket" text,
	"idempotency_key" text,
	"outcome" "audit_outcome" NOT NULL,
	"adapty_status" integer,
	"adapty_error_code" text,
	"adapty_request_id" text,
	"detail" text,
	"access_before" jsonb,
	"access_after" jsonb,
	"result" jsonb,
	"client_address" text,
	"user_agent" text,
	"duration_ms" integer,
	"completed_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	CONSTRAINT "audit_events_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE INDEX "audit_events_actor" ON "audit_events" USING btree ("actor_email","id");--> statement-breakpoint
CREATE INDEX "audit_events_action" ON "audit_events" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_events_profile" ON "audit_events" USING btree ("target_profile_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_customer" ON "audit_events" USING btree ("target_customer_user_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_time" ON "audit_events" USING btree ("occurred_at");