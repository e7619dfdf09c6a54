import "server-only";
import { and, desc, eq, gte, inArray, lt, lte, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import { CHANGE_ACTIONS } from "@/lib/audit/actions";
import type { AuditFilters } from "@/lib/audit/filters";
import { zonedLocalToDate } from "@/lib/time/zoned";
import type { Database } from "@/server/db";
import { auditEvents, staff } from "@/server/db/schema";
import type { AuditRow } from "./log";

export const AUDIT_PAGE_SIZE = 50;

/**
 * Rows about a customer, named by either id. A row that knows only the profile id (a change
 * refused before the profile was read, an older edit) is found by the customer user id too,
 * through the rows that recorded both.
 */
function aboutCustomer(user: string): SQL | undefined {
  const profilesOfCustomer = sql`select ${auditEvents.targetProfileId} from ${auditEvents} where ${auditEvents.targetCustomerUserId} = ${user} and ${auditEvents.targetProfileId} is not null`;
  return or(
    eq(auditEvents.targetProfileId, user),
    eq(auditEvents.targetCustomerUserId, user),
    sql`${auditEvents.targetProfileId} in (${profilesOfCustomer})`,
  );
}

function conditions(filters: AuditFilters, timeZone: string): SQL | undefined {
  const from = filters.from ? zonedLocalToDate(filters.from, timeZone) : null;
  const to = filters.to ? zonedLocalToDate(filters.to, timeZone) : null;
  return and(
    filters.actor ? eq(auditEvents.actorEmail, filters.actor.toLowerCase()) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.user ? aboutCustomer(filters.user) : undefined,
    filters.outcome ? eq(auditEvents.outcome, filters.outcome) : undefined,
    filters.changes ? inArray(auditEvents.action, [...CHANGE_ACTIONS]) : undefined,
    filters.batch ? eq(auditEvents.batchId, filters.batch) : undefined,
    from ? gte(auditEvents.occurredAt, from) : undefined,
    to ? lte(auditEvents.occurredAt, to) : undefined,
    filters.before ? lt(auditEvents.id, filters.before) : undefined,
  );
}

/** One page, newest first, with the cursor of the next (older) page. */
export async function listAudit(db: Database, filters: AuditFilters, timeZone: string, limit = AUDIT_PAGE_SIZE) {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(conditions(filters, timeZone))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: rows.length > limit ? page.at(-1)?.id : undefined };
}

/** Every matching row, newest first, a batch at a time: memory stays flat however many there are. */
export async function* streamAudit(
  db: Database,
  filters: AuditFilters,
  timeZone: string,
  batchSize = 1_000,
): AsyncGenerator<AuditRow[]> {
  let before = filters.before;
  for (;;) {
    const { rows, nextBefore } = await listAudit(db, { ...filters, before }, timeZone, batchSize);
    if (rows.length > 0) yield rows;
    if (nextBefore === undefined) return;
    before = nextBefore;
  }
}

/** Which of the console's rows about a customer the timeline asks for (`lib/timeline/filters.ts`). */
export interface UserHistoryOptions {
  /** Grants and revokes only, every other action only, or all. */
  actions?: { only: readonly string[] } | { except: readonly string[] };
  /** Rows written before this one (its id), for paging back. */
  before?: number;
  limit?: number;
}

/** The console's actions on one user (views left out), newest first, for the profile's timeline. */
export async function userHistory(
  db: Database,
  target: { profileId?: string | null; customerUserId?: string | null },
  { actions, before, limit = 50 }: UserHistoryOptions = {},
) {
  const matches = or(
    target.profileId ? eq(auditEvents.targetProfileId, target.profileId) : undefined,
    target.customerUserId ? eq(auditEvents.targetCustomerUserId, target.customerUserId) : undefined,
  );
  if (!matches) return [];
  const chosen =
    actions === undefined
      ? undefined
      : "only" in actions
        ? inArray(auditEvents.action, [...actions.only])
        : notInArray(auditEvents.action, [...actions.except]);
  return db
    .select()
    .from(auditEvents)
    .where(
      and(matches, ne(auditEvents.action, "profile.viewed"), chosen, before ? lt(auditEvents.id, before) : undefined),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/**
 * The staff filter's choices: the staff table (rows are disabled, never deleted), not the
 * emails in the log — failed sign-ins write whatever email was tried, and a flood of those
 * once pushed real staff out of a list read from the log.
 */
export async function auditActors(db: Database): Promise<string[]> {
  const rows = await db.select({ email: staff.email }).from(staff).orderBy(staff.email);
  return rows.map((row) => row.email);
}
