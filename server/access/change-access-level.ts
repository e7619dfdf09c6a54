import "server-only";
import { parseAdaptyDate } from "@/lib/access/status";
import type { AccessLevel, AdaptyAnswer, Profile } from "@/lib/adapty/types";
import type { ChangeAction } from "@/lib/audit/actions";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { getAdaptyClient } from "@/server/adapty";
import { readProfile } from "@/server/adapty/read-profile";
import { AlreadyUndoneError } from "@/server/audit";
import { auditedChange } from "@/server/audit/audited-change";
import type { Staff } from "@/server/auth/require-staff";
import type { BatchRow } from "@/server/audit/log";
import { getDb } from "@/server/db";
import { withLease } from "@/server/db/lease";
import { getEnv } from "@/server/env";
import { accessFieldErrors } from "./adapty-error-fields";

export const levelOf = (profile: Profile, accessLevelId: string) =>
  profile.access_levels.find((level) => level.access_level_id === accessLevelId) ?? null;

/**
 * The expiry a grant or revoke asks Adapty for: an exact one (null: lifetime), or — for
 * "revoke now" — the moment Adapty handled it, somewhere within a window.
 */
export type RequestedExpiry = { exactly: number | null } | { within: [number, number] };

/** Whether a level, as Adapty holds it, shows the requested expiry: the one test of "applied". */
export function levelShows(level: AccessLevel | null, requested: RequestedExpiry): boolean {
  if (!level) return false;
  const expiry = parseAdaptyDate(level.expires_at);
  if ("exactly" in requested) return expiry === requested.exactly;
  return expiry !== null && expiry >= requested.within[0] && expiry <= requested.within[1];
}

/**
 * How long one change may hold its customer's level: the read before, the change and the
 * re-read of an unknown outcome each get Adapty's budget of 2.5 timeouts (retries
 * included), plus half a minute for the audit log's writes. Longer than any live change
 * takes, so its holder never loses it; a crashed holder's lease blocks no longer than this.
 */
export const changeLeaseMs = (adaptyTimeoutMs: number) => 3 * 2.5 * adaptyTimeoutMs + 30_000;
/** How long a second change waits for the first before the agent is told to try again. */
const CHANGE_WAIT_MS = 5_000;

/**
 * Runs a grant or revoke while no other change to the same customer's level runs, on any
 * instance: otherwise two changes at once both read the same "before", both send, and the
 * audit trail records two changes from one state. The "before" is read inside, and handed
 * to `change`, which judges the request on it before anything is sent.
 */
export async function oneChangeAtATime(
  { profileId, accessLevelId }: { profileId: string; accessLevelId: string },
  change: (before: Profile) => Promise<ChangeOutcome<Profile>>,
): Promise<ChangeOutcome<Profile>> {
  const lease = { leaseMs: changeLeaseMs(getEnv().adapty.timeoutMs), waitMs: CHANGE_WAIT_MS };
  const run = await withLease(await getDb(), `access:${profileId}:${accessLevelId}`, lease, async () => {
    const before = await readProfile({ profileId });
    return "failure" in before ? { outcome: "failed" as const, failure: before.failure } : change(before.profile);
  });
  return run.held
    ? run.value
    : { outcome: "refused", message: { key: "Access.busy", values: { level: accessLevelId } } };
}

interface AccessChange {
  actor: Staff;
  /** The admin who approved the change (four-eyes), named on its audit row beside the actor. */
  approvedBy?: { id: string; email: string };
  batch?: BatchRow;
  action: Extract<ChangeAction, "access_level.granted" | "access_level.revoked">;
  before: Profile;
  accessLevelId: string;
  params: Record<string, unknown>;
  reason: string;
  ticket: string | undefined;
  idempotencyKey: string;
  send: () => Promise<AdaptyAnswer<Profile>>;
  /** Given a fresh read, whether the change took effect (for a timeout's unknown outcome). */
  applied: (profile: Profile) => boolean;
  /** The audit row this change undoes (server/undo): the database allows one live undo of it. */
  undoes?: number;
}

/** A grant or revoke through the write-ahead audit trail, answered with the profile Adapty now holds. */
export async function changeAccessLevel(change: AccessChange): Promise<ChangeOutcome<Profile>> {
  try {
    return await auditedAccessChange(change);
  } catch (error) {
    // Another undo of the same row got there first: nothing was sent, and the agent is told so.
    if (error instanceof AlreadyUndoneError) return { outcome: "refused", message: "Undo.errors.alreadyUndone" };
    throw error;
  }
}

async function auditedAccessChange(change: AccessChange): Promise<ChangeOutcome<Profile>> {
  const profileId = change.before.profile_id;
  const timeoutMs = getEnv().adapty.timeoutMs;
  return auditedChange({
    actor: change.actor,
    approvedBy: change.approvedBy,
    batch: change.batch,
    action: change.action,
    target: { profileId, customerUserId: change.before.customer_user_id },
    params: change.params,
    reason: change.reason,
    ticket: change.ticket ?? null,
    idempotencyKey: change.idempotencyKey,
    accessBefore: levelOf(change.before, change.accessLevelId),
    undoes: change.undoes,
    send: change.send,
    describeAfter: (profile) => levelOf(profile, change.accessLevelId),
    settle: async () => {
      const profile = (await getAdaptyClient().getProfile({ profileId })).value;
      return { applied: change.applied(profile), value: profile, after: levelOf(profile, change.accessLevelId) };
    },
    // Adapty may finish a change it was too slow to confirm: look again after one and three timeouts.
    settleLaterMs: [timeoutMs, 3 * timeoutMs],
    answer: (profile) => profile,
    fieldErrors: accessFieldErrors,
  });
}
