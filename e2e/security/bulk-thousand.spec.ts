import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import {
  appliedGrants,
  batchRecord,
  controlBatch,
  freshCustomers,
  inChunks,
  storedRows,
  uploadBatch,
  waitForBatch,
} from "../support/bulk";
import { signInOverHttp, cookieOf } from "../support/http-session";
import { sandbox } from "../support/sandbox";
import { storedAccessLevel } from "../support/sandbox-profile";
import { callAction, serverAction } from "../support/server-actions";

// A referral payout of a thousand rows, as an agent would run it: some rows invalid, some
// customers unknown, some meeting Adapty faults. Larger than an agent may run alone, it
// waits for an admin's approval; then every row is sent once, through the audited path,
// and ends as Adapty answered.
//
// It runs in the serial part of the suite (like load.spec.ts): a thousand rows at full speed
// load the console for half a minute, which would slow the tests beside it past their waits.

test.setTimeout(240_000);

test("a 1,000-row batch with invalid rows and sandbox faults is approved, then completes with the right outcomes", async ({
  freshStaff,
}, testInfo) => {
  const agent = await freshStaff("agent");
  const { cookie } = await signInOverHttp(agent);
  expect(cookie).toBeDefined();
  const prefix = `e2e-bulk-${testInfo.testId}-${crypto.randomUUID().slice(0, 6)}`;
  const customers = await freshCustomers(prefix, 970);
  const ids = customers.map((customer) => customer.customerUserId);
  const [busy1, busy2, busy3, refused1, refused2, limited] = ids;

  // Adapty is briefly unavailable for three customers (the row is retried), refuses two
  // (the row fails with Adapty's code) and rate-limits one (the client waits it out).
  for (const id of [busy1, busy2, busy3])
    await sandbox.faults({ failNext: { count: 1, status: 503, methods: ["POST"] } }, id);
  for (const id of [refused1, refused2])
    await sandbox.faults({ failNext: { count: 20, status: 400, errorCode: "e2e_refusal", methods: ["POST"] } }, id);
  await sandbox.faults({ rateLimitNext: { count: 1, retryAfterSeconds: 1, methods: ["POST"] } }, limited);

  const lines = [
    "customer_user_id,access_level_id,duration,reason",
    ...ids.map((id) => `${id},premium,1m,`),
    ...Array.from({ length: 10 }, (_, index) => `${prefix}-missing-${index},premium,7d,Unknown customer`),
    ...Array.from({ length: 10 }, (_, index) => `${prefix}-bad-${index},premium,7 parsecs,`),
    ...Array.from({ length: 10 }, (_, index) => `${prefix}-bad-date-${index},,7d,`),
  ];
  const batchId = await uploadBatch(cookie!, `${lines.join("\r\n")}\r\n`, { concurrency: "4" });

  // 980 rows to send: more than the 500 an agent may start alone.
  expect(await controlBatch("startBatchAction", cookie!, batchId)).toMatchObject({
    outcome: "succeeded",
    value: { status: "awaiting_approval" },
  });
  const [request] = await query<{ id: string }>(
    "select id from approval_requests where kind = 'bulk' and params->>'batchId' = $1",
    [batchId],
  );
  const approved = await callAction(serverAction("approveBatchAction"), [{ requestId: request?.id }], {
    cookie: cookieOf("admin"),
  });
  expect(approved.result?.data).toMatchObject({ outcome: "succeeded" });

  await waitForBatch(batchId, ["completed"], 150_000);
  const rows = await storedRows(batchId);
  const byOutcome = (outcome: string | null) => rows.filter((row) => row.outcome === outcome).length;
  expect(rows).toHaveLength(1_000);
  expect(rows.filter((row) => row.state === "invalid")).toHaveLength(20);
  expect(byOutcome("not_found")).toBe(10);
  expect(byOutcome("failed")).toBe(2);
  expect(byOutcome("succeeded")).toBe(968);
  const row = (id: string | undefined) => rows.find((candidate) => candidate.customer === id);
  for (const id of [busy1, busy2, busy3]) expect(row(id)).toMatchObject({ outcome: "succeeded", attempts: 2 });
  for (const id of [refused1, refused2])
    expect(row(id)).toMatchObject({ outcome: "failed", adapty_error_code: "e2e_refusal" });

  // Every row that was sent has its audit row, as the batch's starter, with the batch and line.
  const audited = await query<{ n: number }>(
    `select count(distinct batch_line)::int as n from audit_events
     where batch_id = $1 and batch_line is not null and actor_email = $2`,
    [batchId, agent],
  );
  expect(audited[0]?.n).toBe(980);
  expect(rows.filter((candidate) => candidate.state === "done" && candidate.audit_event_id === null)).toEqual([]);

  // Each customer's grant reached Adapty and was applied exactly once.
  const applied = await inChunks(ids, 50, appliedGrants);
  expect(
    applied.filter((count, index) => count !== (ids[index] === refused1 || ids[index] === refused2 ? 0 : 1)),
  ).toEqual([]);
  const premium = await storedAccessLevel(customers[10]!.profileId, "premium");
  expect(premium?.expires_at).toBeTruthy();
  expect((await batchRecord(batchId)).status).toBe("completed");
});
