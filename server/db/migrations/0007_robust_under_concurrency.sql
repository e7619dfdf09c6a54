CREATE TABLE "anonymous_refusals" (
	"window_start" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sample" jsonb,
	"summarised_at" timestamp with time zone,
	CONSTRAINT "anonymous_refusals_window_start_action_subject_pk" PRIMARY KEY("window_start","action","subject")
);
--> statement-breakpoint
CREATE TABLE "change_locks" (
	"key" text PRIMARY KEY NOT NULL,
	"holder" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "console_instances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL,
	"host" text,
	"pid" integer
);
--> statement-breakpoint
CREATE TABLE "profile_view_marks" (
	"staff_id" uuid NOT NULL,
	"profile_id" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_view_marks_staff_id_profile_id_pk" PRIMARY KEY("staff_id","profile_id")
);
--> statement-breakpoint
CREATE TABLE "staff_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "instance_id" uuid;--> statement-breakpoint
ALTER TABLE "profile_view_marks" ADD CONSTRAINT "profile_view_marks_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "anonymous_refusals_open" ON "anonymous_refusals" USING btree ("summarised_at","window_start");--> statement-breakpoint
CREATE INDEX "staff_sessions_staff" ON "staff_sessions" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "audit_events_open" ON "audit_events" USING btree ("outcome","id");
--> statement-breakpoint
-- The instance that wrote a row is part of what cannot change, like who asked and when.
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
      NEW.client_address, NEW.user_agent, NEW.instance_id)
     IS DISTINCT FROM
     (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_email, OLD.actor_role, OLD.action, OLD.target_profile_id,
      OLD.target_customer_user_id, OLD.params, OLD.reason, OLD.ticket, OLD.idempotency_key, OLD.access_before,
      OLD.client_address, OLD.user_agent, OLD.instance_id) THEN
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
