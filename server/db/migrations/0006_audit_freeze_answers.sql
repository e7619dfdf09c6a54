-- Once a row is complete, what Adapty answered is part of the record: settling an unknown
-- outcome may add the verdict (outcome, after, result, settled_at, a note appended to
-- detail) but never rewrite the status, error code, request id, duration or completion time.
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
      NEW.client_address, NEW.user_agent)
     IS DISTINCT FROM
     (OLD.id, OLD.occurred_at, OLD.actor_id, OLD.actor_email, OLD.actor_role, OLD.action, OLD.target_profile_id,
      OLD.target_customer_user_id, OLD.params, OLD.reason, OLD.ticket, OLD.idempotency_key, OLD.access_before,
      OLD.client_address, OLD.user_agent) THEN
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
