import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { AuditOutcome, ChangeAction, EventAction } from "@/lib/audit/actions";
import type { Database } from "@/server/db";
import { instanceId } from "@/server/db/instance";
import { auditEvents } from "@/server/db/schema";
import { canBecome } from "./outcome";
import type { RequestContext } from "./request-context";

export type AuditRow = typeof auditEvents.$inferSelect;

export interface Actor {
  id: string;
  email: string;
  role: string;
}

export interface Target {
  profileId?: string | null;
  customerUserId?: string | null;
}

export interface PendingChange {
  actor: Actor;
  action: ChangeAction;
  target: Target;
  params: unknown;
  reason?: string | null;
  ticket?: string | null;
  idempotencyKey?: string | null;
  accessBefore?: unknown;
  /** The admin who approved the change, when it went through the four-eyes queue. */
  approvedBy?: { id: string; email: string };
  /** The audit row of the change this one undoes. */
  undoes?: number;
  /** The bulk batch this change is a row of, and the row's line in its file. */
  batch?: BatchRow;
  context: RequestContext;
}

export interface BatchRow {
  id: string;
  /** The row's line; absent on the batch's own rows (started, paused…). */
  line?: number;
}

export interface Completion {
  outcome: Exclude<AuditOutcome, "pending">;
  adaptyStatus?: number | null;
  adaptyErrorCode?: string | null;
  adaptyRequestId?: string | null;
  detail?: string | null;
  accessAfter?: unknown;
  result?: unknown;
  durationMs?: number;
}

export interface AuditEvent {
  /** Who: a staff member, or for a failed sign-in the email that was tried. */
  actor: { id?: string | null; email: string | null; role?: string | null } | null;
  /** An event; or a change that was refused or failed before it was sent (server/audit/unrecorded-change.ts). */
  action: EventAction | ChangeAction;
  target?: Target;
  params?: unknown;
  reason?: string | null;
  ticket?: string | null;
  outcome: "succeeded" | "failed" | "refused";
  adaptyStatus?: number | null;
  adaptyErrorCode?: string | null;
  adaptyRequestId?: string | null;
  detail?: string | null;
  batch?: BatchRow;
  /** A bulk row's key: its row never reached auditedChange(), and a restart must find it by the key. */
  idempotencyKey?: string;
  context: RequestContext;
}

/** Thrown when a completion would break the append-only rule (never expected in practice). */
export class AuditRuleError extends Error {
  override name = "AuditRuleError";
}

const json = (value: unknown) => (value === undefined ? null : value);

/** Writing the audit trail. Reading it is in ./query.ts. */
export function createAuditLog(db: Database) {
  return {
    /**
     * Writes a change's row as pending, before anything is sent. Returns undefined when
     * the idempotency key already has a row: the caller then answers with that row.
     */
    async begin(change: PendingChange): Promise<number | undefined> {
      const [row] = await db
        .insert(auditEvents)
        .values({
          actorId: change.actor.id,
          actorEmail: change.actor.email,
          actorRole: change.actor.role,
          action: change.action,
          targetProfileId: change.target.profileId ?? null,
          targetCustomerUserId: change.target.customerUserId ?? null,
          params: json(change.params),
          reason: change.reason ?? null,
          ticket: change.ticket ?? null,
          idempotencyKey: change.idempotencyKey ?? null,
          outcome: "pending",
          accessBefore: json(change.accessBefore),
          clientAddress: change.context.clientAddress,
          userAgent: change.context.userAgent,
          // Whose work the row is until it completes: another instance settles it if this one dies.
          instanceId: instanceId(),
          approvedById: change.approvedBy?.id ?? null,
          approvedByEmail: change.approvedBy?.email ?? null,
          undoesEventId: change.undoes ?? null,
          batchId: change.batch?.id ?? null,
          batchLine: change.batch?.line ?? null,
        })
        .onConflictDoNothing({ target: auditEvents.idempotencyKey })
        .returning({ id: auditEvents.id });
      return row?.id;
    },

    /**
     * Completes a pending row, or settles an unknown one. Settling adds the verdict and
     * what the re-read showed; what Adapty answered the first time stays as it was.
     */
    /** False when the row was no longer `from` (another process completed or settled it first). */
    async complete(id: number, from: AuditOutcome, completion: Completion): Promise<boolean> {
      if (!canBecome(from, completion.outcome))
        throw new AuditRuleError(`An audit row cannot go from ${from} to ${completion.outcome}.`);
      const verdict = {
        outcome: completion.outcome,
        accessAfter: json(completion.accessAfter),
        result: json(completion.result),
      };
      const changes =
        from === "pending"
          ? {
              ...verdict,
              adaptyStatus: completion.adaptyStatus ?? null,
              adaptyErrorCode: completion.adaptyErrorCode ?? null,
              adaptyRequestId: completion.adaptyRequestId ?? null,
              detail: completion.detail?.slice(0, 500) ?? null,
              durationMs: completion.durationMs ?? null,
              completedAt: sql`now()`,
            }
          : {
              ...verdict,
              detail: sql`left(coalesce(${auditEvents.detail} || ' ', '') || ${completion.detail ?? ""}, 1000)`,
              settledAt: sql`now()`,
            };
      const updated = await db
        .update(auditEvents)
        .set(changes)
        .where(and(eq(auditEvents.id, id), eq(auditEvents.outcome, from)))
        .returning({ id: auditEvents.id });
      return updated.length > 0;
    },

    async findByIdempotencyKey(key: string): Promise<AuditRow | undefined> {
      const [row] = await db.select().from(auditEvents).where(eq(auditEvents.idempotencyKey, key));
      return row;
    },

    /** A completed row for something that is not a change sent elsewhere: a view, a sign-in, a refusal, a change that was never sent. */
    async record(event: AuditEvent): Promise<void> {
      await db.insert(auditEvents).values({
        actorId: event.actor?.id ?? null,
        actorEmail: event.actor?.email ?? null,
        actorRole: event.actor?.role ?? null,
        action: event.action,
        targetProfileId: event.target?.profileId ?? null,
        targetCustomerUserId: event.target?.customerUserId ?? null,
        params: json(event.params),
        reason: event.reason ?? null,
        ticket: event.ticket ?? null,
        outcome: event.outcome,
        adaptyStatus: event.adaptyStatus ?? null,
        adaptyErrorCode: event.adaptyErrorCode ?? null,
        adaptyRequestId: event.adaptyRequestId ?? null,
        detail: event.detail?.slice(0, 500) ?? null,
        clientAddress: event.context.clientAddress,
        userAgent: event.context.userAgent,
        batchId: event.batch?.id ?? null,
        batchLine: event.batch?.line ?? null,
        idempotencyKey: event.idempotencyKey ?? null,
        completedAt: sql`now()`,
      });
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
