import { uploadBatch, uploadCsv } from "../support/bulk";
import { query } from "../support/database";
import { expect, test } from "../support/fixtures";
import { signedIn } from "../support/http-session";
import { CONSOLE_URL } from "../support/servers";
import { watchForExecution } from "../support/xss-watch";

// Threat: a hostile file. A batch's file name and cells come from whoever made the CSV (often
// an export of someone else's data): shown on the batch's page they must stay text, and in
// the result file, which staff open in a spreadsheet, a cell must never become a formula.

const FILE_NAME = `<img src=x onerror=alert('file')><script>alert('name')</script>.csv`;
const CUSTOMER = `<script>alert('cell')</script>`;
const ROW_REASON = `<img src=x onerror=alert('reason')>`;
const BAD_LEVEL = `"><svg onload=alert('level')>`;

test("a batch whose file name and cells carry markup shows them as text on its page and the list, and runs nothing", async ({
  browser,
  freshStaff,
}) => {
  const agent = await freshStaff("agent");
  const cookie = await signedIn(agent);
  const csv = [
    "customer_user_id,access_level_id,duration,reason",
    `"${CUSTOMER}",premium,1m,"${ROW_REASON}"`,
    `xss-second,"${BAD_LEVEL.replace(/"/g, '""')}",1m,`,
  ].join("\r\n");
  const { answer } = await uploadCsv(
    cookie,
    `${csv}\r\n`,
    { reason: `<script>alert('batch')</script>` },
    { fileName: FILE_NAME },
  );
  const batchId = answer.value!.batchId;
  // Stored as uploaded: escaping is the page's job.
  const [stored] = await query<{ file_name: string }>("select file_name from bulk_batches where id = $1", [batchId]);
  expect(stored?.file_name).toBe(FILE_NAME);

  const context = await browser.newContext();
  const [name, value] = cookie.split(/=(.*)/s);
  await context.addCookies([{ name: name!, value: value!, url: CONSOLE_URL }]);
  const page = await context.newPage();
  const watch = watchForExecution(page);
  await page.goto(`/bulk/${batchId}`);
  const main = page.locator("main");
  await expect(main).toContainText(FILE_NAME);
  await expect(main).toContainText(CUSTOMER);
  await watch.expectInert("the batch's page");
  await page.goto(`/bulk/${batchId}?rows=invalid`);
  await expect(main).toContainText(BAD_LEVEL);
  await watch.expectInert("the batch's invalid rows");
  await page.goto("/bulk");
  await expect(main).toContainText(FILE_NAME);
  await watch.expectInert("the batch list");
  await context.close();
});

const FORMULAS = ['=HYPERLINK("http://evil.example";"open")', "+SUM(1;2)", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0"];

test("the result file escapes every cell that a spreadsheet would run as a formula", async ({ freshStaff }) => {
  const agent = await freshStaff("agent");
  const cookie = await signedIn(agent);
  const quoted = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const csv = [
    "customer_user_id,access_level_id,duration,reason",
    ...FORMULAS.map((formula) => `${quoted(formula)},premium,1m,${quoted(formula)}`),
  ].join("\r\n");
  const batchId = await uploadBatch(cookie, `${csv}\r\n`);
  const response = await fetch(`${CONSOLE_URL}/bulk/${batchId}/result.csv`, { headers: { cookie } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/csv");
  const text = await response.text();
  // Each cell leads with a quote mark ('=…), which spreadsheets show as text.
  for (const formula of FORMULAS) expect(text).toContain(`'${formula}`.replace(/"/g, '""'));
  const cells = text.split(/\r?\n/).flatMap((line) => line.split(","));
  expect(cells.filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);
  // What the agent uploaded is kept as it was: the escape belongs to the file only.
  const rows = await query<{ customer: string }>(
    "select cells->>'customer_user_id' as customer from bulk_rows where batch_id = $1 order by line",
    [batchId],
  );
  expect(rows.map((row) => row.customer)).toEqual(FORMULAS);
});
