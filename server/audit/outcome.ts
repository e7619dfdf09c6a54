import "server-only";

import type { AuditOutcome } from "@/lib/audit/actions";

/**
 * The life of an audit row: written `pending` before a change is sent; completed as
 * `succeeded`, `failed` or `unknown` (a timeout: Adapty may or may not have applied it);
 * an `unknown` row is settled to `succeeded` or `failed` once a re-read tells. Nothing
 * else may happen to it — the same rule the database trigger enforces (migration 0004).
 */
export function canBecome(from: AuditOutcome, to: AuditOutcome): boolean {
  if (from === "pending") return to !== "pending";
  if (from === "unknown") return to === "succeeded" || to === "failed";
  return false;
}
