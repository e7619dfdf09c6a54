-- The audit trail is append-only, and the database enforces it, not only the application:
-- no row is ever deleted (or truncated away); a row may be updated only to complete it
-- (pending -> succeeded | failed | unknown) or to settle an unknown outcome
-- (unknown -> succeeded | failed), and never in what was asked, by whom, or when.
CREATE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
      NEW.client_address, NEW.user_agent)
     IS DISTINCT FROM
     (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_email, OLD.actor_role, OLD.action, OLD.target_profile_id,
      OLD.target_customer_user_id, OLD.params, OLD.reason, OLD.ticket, OLD.idempotency_key, OLD.access_before,
      OLD.client_address, OLD.user_agent) THEN
    RAISE EXCEPTION 'audit_events is append-only: what was asked, by whom and when cannot change (row %)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_guard();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_guard();
