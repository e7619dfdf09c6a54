-- A change the console refused after the agent confirmed it (its rules on a fresh read, or
-- its validation) is recorded too, as `refused`: nothing was sent. Written complete, never
-- updated (the append-only trigger lets only pending and unknown rows change).
ALTER TYPE "public"."audit_outcome" ADD VALUE 'refused';
