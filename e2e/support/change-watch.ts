import { expect } from "@playwright/test";
import { query } from "./database";
import { sandbox } from "./sandbox";

// "Refused, and nothing changed": what reached the sandbox (standing in for Adapty) and
// which audit rows appeared while an attack ran.

export type AuditRowSeen = {
  id: string;
  action: string;
  outcome: string;
  detail: string | null;
  actor_email: string | null;
};

/** The newest audit row's id: rows after it are what a test caused. */
export async function lastAuditId(): Promise<string> {
  const [row] = await query<{ last: string }>("select coalesce(max(id), 0)::text as last from audit_events");
  return row?.last ?? "0";
}

/** How many refusals without a live session have been counted (server/audit/refusals.ts). */
export async function countedRefusals(action = "auth.denied"): Promise<number> {
  const [row] = await query<{ n: number }>(
    "select coalesce(sum(count), 0)::int as n from anonymous_refusals where action = $1",
    [action],
  );
  return row?.n ?? 0;
}

export async function watchForChanges() {
  await sandbox.clearRequests();
  const last = await lastAuditId();
  const [{ since } = { since: new Date() }] = await query<{ since: Date }>("select now() as since");
  const counted = await countedRefusals();
  return {
    /** Refusals without a live session since the watch began: counted, the first of a window also written. */
    refusalsCounted: async () => (await countedRefusals()) - counted,
    requestsAtAdapty: () => sandbox.requests(),
    // The summary of a ten-minute refusal window (server/audit/refusals.ts) is written when the
    // window closes, whenever that is: one counting only refusals from before the watch is not
    // the watched test's doing.
    newAuditRows: () =>
      query<AuditRowSeen>(
        `select id::text, action, outcome::text, detail, actor_email from audit_events where id > $1
           and not (params ? 'repeated' and params ? 'window_seconds' and (params->>'last_at')::timestamptz < $2)
         order by id`,
        [last, since],
      ),
    /** Nothing reached Adapty and the only new audit rows are the refusals themselves. */
    async expectNothingChanged(allowedAuditActions: string[] = ["auth.denied"]) {
      expect(await this.requestsAtAdapty(), "requests that reached Adapty").toEqual([]);
      const rows = await this.newAuditRows();
      expect(
        rows.filter((row) => !allowedAuditActions.includes(row.action)),
        "audit rows other than the refusal",
      ).toEqual([]);
      return rows;
    },
  };
}
