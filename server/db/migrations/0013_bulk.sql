CREATE TABLE "bulk_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_by_email" text NOT NULL,
	"file_name" text NOT NULL,
	"columns" jsonb NOT NULL,
	"zone" text NOT NULL,
	"reason" text NOT NULL,
	"ticket" text,
	"rate_per_second" integer,
	"concurrency" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"total_rows" integer NOT NULL,
	"invalid_rows" integer NOT NULL,
	"next_send_at" timestamp with time zone DEFAULT now() NOT NULL,
	"check_started_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"status_changed_by_email" text,
	"status_changed_at" timestamp with time zone,
	"approval_request_id" uuid,
	CONSTRAINT "bulk_batches_concurrency" CHECK (concurrency between 1 and 20),
	CONSTRAINT "bulk_batches_rate" CHECK (rate_per_second is null or rate_per_second between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "bulk_rows" (
	"batch_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"request" jsonb,
	"problems" jsonb,
	"duplicate_of" integer,
	"state" text NOT NULL,
	"idempotency_key" uuid DEFAULT gen_random_uuid() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"outcome" text,
	"adapty_error_code" text,
	"adapty_request_id" text,
	"message" jsonb,
	"audit_event_id" bigint,
	"done_at" timestamp with time zone,
	"check_result" jsonb,
	"check_claimed_by" text,
	"check_claimed_at" timestamp with time zone,
	CONSTRAINT "bulk_rows_batch_id_line_pk" PRIMARY KEY("batch_id","line")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "batch_line" integer;--> statement-breakpoint
ALTER TABLE "bulk_rows" ADD CONSTRAINT "bulk_rows_batch" FOREIGN KEY ("batch_id") REFERENCES "public"."bulk_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_batches_created" ON "bulk_batches" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "bulk_batches_running" ON "bulk_batches" USING btree ("status");--> statement-breakpoint
CREATE INDEX "bulk_rows_state" ON "bulk_rows" USING btree ("batch_id","state","line");--> statement-breakpoint
CREATE UNIQUE INDEX "bulk_rows_key" ON "bulk_rows" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "audit_events_batch" ON "audit_events" USING btree ("batch_id","batch_line");--> statement-breakpoint
-- The batch and line a change belongs to are part of what was asked: frozen like the rest.
CREATE OR REPLACE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'audit_events is append-only: rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT ((OLD.outcome = 'pending' AND NEW.outcome <> 'pending')
       OR (OLD.outcome = 'unknown' AND NEW.outcome IN ('succeeded', 'failed'))) THEN
    RAISE EXCEPTION 'audit_events is append-only: row % is % and cannot become %', OLD.id, OLD.outcome, NEW.outcome
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.occurred_at, NEW.actor_id, NEW.actor_email, NEW.actor_role, NEW.action, NEW.target_profile_id,
      NEW.target_customer_user_id, NEW.params, NEW.reason, NEW.ticket, NEW.idempotency_key, NEW.access_before,
      NEW.client_address, NEW.user_agent, NEW.instance_id,
      NEW.approved_by_id, NEW.approved_by_email, NEW.undoes_event_id, NEW.batch_id, NEW.batch_line)
     IS DISTINCT FROM
     (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_email, OLD.actor_role, OLD.action, OLD.target_profile_id,
      OLD.target_customer_user_id, OLD.params, OLD.reason, OLD.ticket, OLD.idempotency_key, OLD.access_before,
      OLD.client_address, OLD.user_agent, OLD.instance_id,
      OLD.approved_by_id, OLD.approved_by_email, OLD.undoes_event_id, OLD.batch_id, OLD.batch_line) THEN
    RAISE EXCEPTION 'audit_events is append-only: what was asked, by whom and when cannot change (row %)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.outcome = 'unknown' AND (
       (NEW.adapty_status, NEW.adapty_error_code, NEW.adapty_request_id, NEW.duration_ms, NEW.completed_at)
       IS DISTINCT FROM
       (OLD.adapty_status, OLD.adapty_error_code, OLD.adapty_request_id, OLD.duration_ms, OLD.completed_at)
       OR left(NEW.detail, length(coalesce(OLD.detail, ''))) IS DISTINCT FROM coalesce(OLD.detail, '')) THEN
    RAISE EXCEPTION 'audit_events is append-only: what Adapty answered cannot change (row %)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
