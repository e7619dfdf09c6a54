// What the audit trail records, shared by the server (which writes) and the audit page
// filters (which the browser shows).
export const CHANGE_ACTIONS = [
  "profile.created",
  "profile.updated",
  "profile.deleted",
  "access_level.granted",
  "access_level.revoked",
  "staff.added",
  "staff.role_changed",
  "staff.disabled",
  "staff.enabled",
  "staff.password_reset",
  "note.added",
  "note.edited",
  "note.deleted",
  "settings.changed",
  "approval.requested",
  "approval.approved",
  "approval.declined",
  "batch.created",
  "batch.started",
  "batch.paused",
  "batch.resumed",
  "batch.cancelled",
] as const;

export const EVENT_ACTIONS = [
  "profile.viewed",
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.denied",
  "webhook.refused",
] as const;

export const AUDIT_ACTIONS = [...CHANGE_ACTIONS, ...EVENT_ACTIONS] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** `refused`: the console said no after the agent confirmed (its rules, or its validation), so nothing was sent. */
export const AUDIT_OUTCOMES = ["pending", "succeeded", "refused", "failed", "unknown"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
