CREATE TYPE "public"."approval_status" AS ENUM('pending', 'approved', 'declined', 'expired');--> statement-breakpoint
CREATE TABLE "approval_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"requested_by_email" text NOT NULL,
	"requested_by_role" text NOT NULL,
	"profile_id" text,
	"customer_user_id" text,
	"params" jsonb NOT NULL,
	"exceeds" jsonb NOT NULL,
	"reason" text NOT NULL,
	"ticket" text,
	"status" "approval_status" DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_by_id" uuid,
	"decided_by_email" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"audit_event_id" bigint
);
--> statement-breakpoint
CREATE TABLE "console_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_email" text,
	CONSTRAINT "console_settings_one_row" CHECK (id = 1)
);
--> statement-breakpoint
CREATE TABLE "customer_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"profile_id" text NOT NULL,
	"customer_user_id" text,
	"author_id" uuid NOT NULL,
	"author_email" text NOT NULL,
	"body" text NOT NULL,
	"ticket" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_counts" (
	"staff_id" uuid NOT NULL,
	"day" date NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "grant_counts_staff_id_day_pk" PRIMARY KEY("staff_id","day")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "approved_by_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "approved_by_email" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "undoes_event_id" bigint;--> statement-breakpoint
CREATE INDEX "approval_requests_status" ON "approval_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "approval_requests_profile" ON "approval_requests" USING btree ("profile_id","requested_at");--> statement-breakpoint
CREATE INDEX "customer_notes_profile" ON "customer_notes" USING btree ("profile_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_one_undo" ON "audit_events" USING btree ("undoes_event_id") WHERE outcome in ('pending', 'succeeded', 'unknown');--> statement-breakpoint
-- Who approved a change and which change it undoes are part of what was asked: frozen like the rest.
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
      NEW.approved_by_id, NEW.approved_by_email, NEW.undoes_event_id)
     IS DISTINCT FROM
     (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_email, OLD.actor_role, OLD.action, OLD.target_profile_id,
      OLD.target_customer_user_id, OLD.params, OLD.reason, OLD.ticket, OLD.idempotency_key, OLD.access_before,
      OLD.client_address, OLD.user_agent, OLD.instance_id,
      OLD.approved_by_id, OLD.approved_by_email, OLD.undoes_event_id) THEN
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
