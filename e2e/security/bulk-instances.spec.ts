import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import {
  appliedGrants,
  controlBatch,
  freshCustomers,
  inChunks,
  storedRows,
  uploadBatch,
  waitForBatch,
} from "../support/bulk";
import { signInOverHttp } from "../support/http-session";
import { startSecondInstance, type SecondInstance } from "../support/second-instance";
import { CONSOLE_PORT } from "../support/servers";

// Threat: a batch's rows doubled — sent by two console instances at once, or sent again by
// a console that restarts after being killed mid-run. Two instances on one PostgreSQL share
// a running batch; one is killed with kill -9 while rows are at Adapty, and started again.
// Every row must reach Adapty exactly once (the sandbox's request log says so), and the
// batch must finish.

test.setTimeout(240_000);
const SECOND_PORT = CONSOLE_PORT + 51;
const log: string[] = [];
let second: SecondInstance | undefined;
test.afterEach(({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.info(`Second instance's output:\n${log.join("")}`);
  second?.kill();
});

const instancesOf = async (batchId: string) =>
  (
    await query<{ instance_id: string }>(
      "select distinct instance_id from audit_events where batch_id = $1 and batch_line is not null",
      [batchId],
    )
  ).map((row) => row.instance_id);

test("two instances share a batch, one is killed mid-run and restarted, and every row reaches Adapty exactly once", async ({
  freshStaff,
}, testInfo) => {
  second = await startSecondInstance(SECOND_PORT, log);
  const admin = await freshStaff("admin");
  const { cookie } = await signInOverHttp(admin);
  const customers = await freshCustomers(`e2e-bulk-kill-${testInfo.testId}-${crypto.randomUUID().slice(0, 6)}`, 240);
  const csv = [
    "profile_id,access_level_id,duration",
    ...customers.map((customer) => `${customer.profileId},premium,1m`),
  ].join("\n");
  // 12 requests a second, two per row: about 40 s of work, shared by both instances.
  const batchId = await uploadBatch(cookie!, csv, { ratePerSecond: "12", concurrency: "4" });
  expect(await controlBatch("startBatchAction", cookie!, batchId)).toMatchObject({ outcome: "succeeded" });

  // Both instances are sending its rows.
  await expect.poll(async () => (await instancesOf(batchId)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  const before = await instancesOf(batchId);
  second.kill();
  const done = await query<{ n: number }>(
    "select count(*)::int as n from bulk_rows where batch_id = $1 and state = 'done'",
    [batchId],
  );
  expect(done[0]?.n ?? 0).toBeLessThan(customers.length); // killed mid-run

  second = await startSecondInstance(SECOND_PORT, log);
  await waitForBatch(batchId, ["completed"], 180_000);

  const rows = await storedRows(batchId);
  expect(rows.filter((row) => row.outcome !== "succeeded")).toEqual([]);
  const applied = await inChunks(customers, 40, (customer) => appliedGrants(customer.customerUserId));
  expect(applied.filter((count) => count !== 1)).toEqual([]);
  // The restarted instance took a share too: a new instance id beside the first two.
  expect((await instancesOf(batchId)).length).toBeGreaterThan(before.length - 1);
});
