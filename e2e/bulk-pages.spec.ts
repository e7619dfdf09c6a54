import type { Page } from "@playwright/test";
import Papa from "papaparse";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { signIn } from "./support/auth";
import { appliedGrants, batchRecord, freshCustomers, storedRows, waitForBatch } from "./support/bulk";
import { createSandboxProfile } from "./support/sandbox-profile";

// A batch as an agent runs it in the browser: the file uploaded on /bulk, its preview with
// the invalid rows, the dry run, the review, the live progress bar, pause and resume, the
// result file — checked against what the database and the sandbox hold.

test.setTimeout(180_000);

const batchIdOf = (url: string) => /\/bulk\/([0-9a-f-]{36})/.exec(url)?.[1] ?? "";
const doneRows = async (batchId: string) =>
  (
    await query<{ n: number }>("select count(*)::int as n from bulk_rows where batch_id = $1 and state = 'done'", [
      batchId,
    ])
  )[0]?.n ?? 0;

async function uploadOnPage(page: Page, csv: string, rate: string) {
  await page.goto("/bulk");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "referral-payout.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel("Reason", { exact: true }).fill("December referral rewards");
  await page.getByLabel("Adapty requests per second").fill(rate);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.waitForURL(/\/bulk\/[0-9a-f-]{36}/);
  return batchIdOf(page.url());
}

test("an agent previews a file with invalid rows, checks the customers, starts it, pauses and resumes it, and downloads a result matching the audit log", async ({
  page,
  freshStaff,
}, testInfo) => {
  const agent = await freshStaff("agent");
  await signIn(page, agent);
  const prefix = `e2e-bulkui-${testInfo.testId}-${crypto.randomUUID().slice(0, 6)}`;
  const customers = await freshCustomers(prefix, 24);
  // One customer already has premium for a year: a month's grant would shorten it.
  const longer = await createSandboxProfile(`${prefix}-long`, {
    grants: [{ accessLevelId: "premium", expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString() }],
  });
  const csv = [
    "customer_user_id,access_level_id,duration",
    ...customers.map((customer) => `${customer.customerUserId},premium,1m`),
    `${longer.customerUserId},premium,1m`,
    `${prefix}-nobody,premium,7d`,
    `${prefix}-bad,premium,forever`,
    `${prefix}-bad-date,premium,`,
  ].join("\n");
  const batchId = await uploadOnPage(page, csv, "6"); // two requests a row: about 2 rows a second

  // The preview: the counts, and each invalid row with its line and why.
  await expect(page.getByText("28 rows: 26 ready and 2 invalid")).toBeVisible();
  await page.getByRole("link", { name: "Invalid" }).click();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: `${prefix}-bad,` })
      .or(page.getByRole("row").filter({ hasText: "forever" })),
  ).toBeVisible();
  await expect(page.getByRole("cell", { name: "28", exact: true })).toBeVisible();

  // The dry run finds the missing customer and the one whose access would be shortened.
  await page.getByRole("button", { name: "Check customers (dry run)" }).click();
  await expect(page.getByText(/Checked 26 rows/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/1 customer does not exist/)).toBeVisible();
  const [checks] = await query<{ missing: number; losing: number }>(
    `select count(*) filter (where check_result->>'found' = 'false')::int as missing,
            count(*) filter (where jsonb_array_length(coalesce(check_result->'losses', '[]'::jsonb)) > 0)::int as losing
     from bulk_rows where batch_id = $1`,
    [batchId],
  );
  expect(checks).toEqual({ missing: 1, losing: 1 });
  expect(await appliedGrants(customers[0]!.customerUserId)).toBe(0); // a dry run sends nothing

  // Review, start; the progress bar moves.
  await page.getByRole("button", { name: "Review and start" }).click();
  await expect(page.getByRole("heading", { name: "26 rows will be sent to Adapty." })).toBeVisible();
  await page.getByRole("button", { name: "Start sending" }).click();
  const bar = page.getByRole("progressbar");
  await expect.poll(async () => Number(await bar.getAttribute("value")), { timeout: 30_000 }).toBeGreaterThan(0);

  // Paused, no new row is sent (those already at Adapty finish); resumed, it completes.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText(`Paused by ${agent}`)).toBeVisible();
  expect((await batchRecord(batchId)).status).toBe("paused");
  await page.waitForTimeout(1_500);
  const whilePaused = await doneRows(batchId);
  await page.waitForTimeout(3_000);
  expect(await doneRows(batchId)).toBe(whilePaused);
  expect(whilePaused).toBeLessThan(26);
  await page.getByRole("button", { name: "Resume" }).click();
  await waitForBatch(batchId, ["completed"], 90_000);
  await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible({ timeout: 15_000 });

  // The batch in the audit log: its own entries and its rows, and nothing else.
  await page.getByRole("link", { name: "See in the audit log" }).click();
  await expect(page.getByText("Only the entries of one bulk batch")).toBeVisible();
  await expect(page.getByText("Batch row 2", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open its rows" }).first()).toBeVisible();

  // The result file: the uploaded columns, then each row's outcome as its audit row has it.
  const download = await page.request.get(`/bulk/${batchId}/result.csv`);
  const result = Papa.parse<Record<string, string>>(await download.text(), { header: true, skipEmptyLines: true }).data;
  expect(result).toHaveLength(28);
  const audit = await query<{ id: string; outcome: string; adapty_request_id: string | null }>(
    "select id::text, outcome::text, adapty_request_id from audit_events where batch_id = $1 and batch_line is not null",
    [batchId],
  );
  for (const line of result.filter((entry) => entry.audit_event_id)) {
    const row = audit.find((candidate) => candidate.id === line.audit_event_id);
    expect(line.outcome === "not_found" ? "failed" : line.outcome).toBe(row?.outcome);
    expect(line.adapty_request_id || null).toBe(row?.adapty_request_id ?? null);
  }
  expect(result.filter((line) => line.outcome === "succeeded")).toHaveLength(25);
  expect(result.filter((line) => line.outcome === "not_found")).toHaveLength(1);
  expect(result.filter((line) => line.outcome === "invalid")).toHaveLength(2);
});

test("a cancelled batch sends none of the rows still waiting", async ({ page, freshStaff }, testInfo) => {
  const agent = await freshStaff("agent");
  await signIn(page, agent);
  const customers = await freshCustomers(`e2e-bulkcancel-${testInfo.testId}-${crypto.randomUUID().slice(0, 6)}`, 30);
  const csv = [
    "profile_id,access_level_id,duration",
    ...customers.map((customer) => `${customer.profileId},pro,7d`),
  ].join("\n");
  const batchId = await uploadOnPage(page, csv, "2"); // a row a second
  await page.getByRole("button", { name: "Review and start" }).click();
  await page.getByRole("button", { name: "Start sending" }).click();
  await expect.poll(() => doneRows(batchId), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);

  await page.getByRole("button", { name: "Cancel the batch" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel the batch" }).click();
  await expect(page.getByText(`Cancelled by ${agent}`)).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(2_000); // rows already at Adapty finish
  const rows = await storedRows(batchId);
  const sent = rows.filter((row) => row.state === "done");
  const cancelled = rows.filter((row) => row.state === "cancelled");
  expect(cancelled.length).toBeGreaterThan(10);
  expect(sent.length + cancelled.length).toBe(30);
  // Adapty received grants for the sent rows only.
  const byProfile = new Map(customers.map((customer) => [customer.profileId, customer.customerUserId]));
  const cells = await query<{ line: number; profile_id: string }>(
    "select line, cells->>'profile_id' as profile_id from bulk_rows where batch_id = $1",
    [batchId],
  );
  for (const row of cancelled) {
    const profileId = cells.find((cell) => cell.line === row.line)?.profile_id ?? "";
    expect(await appliedGrants(byProfile.get(profileId) ?? profileId)).toBe(0);
  }
});
