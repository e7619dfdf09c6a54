import { expect, test } from "@playwright/test";
import {
  exporterCookies,
  insertBulkRows,
  profileLatency,
  startExport,
  startExportWhenFree,
  type Export,
} from "../support/audit-export";
import { sessionOf } from "../support/auth";
import { bringDatabaseBack, takeDatabaseAway } from "../support/database-outage";
import { cookieOf } from "../support/http-session";

// One large audit export must not slow every agent (docs/security.md). A quarter of a
// million ~1 kB rows are inserted with SQL; exports of them run over HTTP in several staff
// sessions while an agent opens a profile page again and again. Latencies are printed,
// never asserted (they depend on the machine); the limits and the release of slots are.

const ROWS = 250_000;
const ONE_EACH = "You already have an export running. Wait for it to finish, or cancel it, before starting another.";
const ALL_BUSY = "The console is already running as many exports as it allows at once. Try again in a minute.";

test.describe.configure({ mode: "serial" });

const actor = `export-load-${Date.now()}@e2e.test`;
/** Four people who may read the audit log: the admin and the viewer of auth.setup.ts, and two new viewers. */
let exporters: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const started = performance.now();
  await insertBulkRows(actor, ROWS);
  console.log(`export-load: ${ROWS} rows inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  exporters = [cookieOf("admin"), cookieOf("viewer"), ...(await exporterCookies("exporter", 2))];
});

test("an agent's profile page before and during one export and several at once (figures printed)", async () => {
  test.setTimeout(240_000);
  const agent = cookieOf("agent");
  await profileLatency(agent, 20); // warm up the page, the JIT and the connection pool
  const idle = await profileLatency(agent);

  const one = await startExport(exporters[0]!, actor);
  expect(one.status).toBe(200);
  void one.readAll().catch(() => {});
  let started = performance.now();
  const duringOne = await profileLatency(agent);
  const oneRate = one.lines() / ((performance.now() - started) / 1000);
  const oneDone = one.lines() > ROWS;
  one.cancel();
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // the console notices the dropped connection

  const several: Export[] = await Promise.all(exporters.map((cookie) => startExport(cookie, actor)));
  const running = several.filter((running) => running.status === 200);
  for (const each of running) void each.readAll().catch(() => {});
  started = performance.now();
  const duringSeveral = await profileLatency(agent);
  const severalRate = running.reduce((sum, each) => sum + each.lines(), 0) / ((performance.now() - started) / 1000);
  const severalDone = running.filter((each) => each.lines() > ROWS).length;
  for (const each of several) each.cancel();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const idleAgain = await profileLatency(agent); // the machine's own noise: compare with the first idle figures

  console.log(
    `export-load: profile page p50/p95 — idle ${idle.p50}/${idle.p95} ms; during one export ${duringOne.p50}/${duringOne.p95} ms ` +
      `(export ${oneRate.toFixed(0)} rows/s${oneDone ? ", finished before the 40 requests did" : ""}); ` +
      `${several.length} exports asked at once, ${running.length} accepted: ${duringSeveral.p50}/${duringSeveral.p95} ms ` +
      `(${severalRate.toFixed(0)} rows/s together${severalDone ? `, ${severalDone} finished before the 40 requests did` : ""}); idle again ${idleAgain.p50}/${idleAgain.p95} ms`,
  );
});

test("one export per person and two in total; a slot comes back when an export ends, is cancelled or fails", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const [first, second, third] = exporters as [string, string, string];

  const held = await startExportWhenFree(first, actor);
  expect(held.status).toBe(200);
  const again = await startExport(first, actor);
  expect(again).toMatchObject({ status: 429, error: ONE_EACH });
  expect(Number(again.retryAfter)).toBeGreaterThan(0);

  // The audit page's Export button says so in place (first is the admin, whose browser session this is).
  const page = await (await browser.newContext({ storageState: sessionOf("admin") })).newPage();
  await page.goto("/audit?actor=agent%40e2e.test");
  await page.getByRole("link", { name: "Export CSV" }).click();
  await expect(page.getByRole("alert").filter({ hasText: ONE_EACH })).toBeVisible();

  const other = await startExport(second, actor);
  expect(other.status).toBe(200);
  const beyond = await startExport(third, actor);
  expect(beyond).toMatchObject({ status: 429, error: ALL_BUSY });
  expect(Number(beyond.retryAfter)).toBeGreaterThan(0);

  // Cancelled (the connection dropped while the export waited for its reader): the slot comes back.
  held.cancel();
  const freed = await startExportWhenFree(third, actor);
  expect(freed.status).toBe(200);
  freed.cancel();

  // Finished: every row is there, and the person may export again.
  const reading = performance.now();
  expect(await other.readAll()).toBe(ROWS + 1);
  console.log(
    `export-load: one export of ${ROWS} rows, read alone, took ${((performance.now() - reading) / 1000).toFixed(1)} s`,
  );
  const next = await startExportWhenFree(second, actor);
  expect(next.status).toBe(200);

  // Failed: the database goes away mid-export; the export is cut off and its slot comes back.
  const cutOff = next.readAll();
  // It may fail before takeDatabaseAway() has returned: handled from now on, asserted below.
  cutOff.catch(() => {});
  await expect.poll(() => next.lines(), { timeout: 30_000 }).toBeGreaterThan(10_000);
  await takeDatabaseAway();
  try {
    await expect(cutOff).rejects.toThrow();
  } finally {
    await bringDatabaseBack();
  }
  const afterFailure = await startExportWhenFree(second, actor);
  expect(afterFailure.status).toBe(200);
  afterFailure.cancel();

  // With slots free the button downloads the CSV.
  await expect
    .poll(
      async () => {
        await page.reload();
        const download = page.waitForEvent("download", { timeout: 5_000 }).catch(() => null);
        await page.getByRole("link", { name: "Export CSV" }).click();
        return (await download)?.suggestedFilename() ?? "";
      },
      { timeout: 20_000 },
    )
    .toMatch(/^audit-.+\.csv$/);
});
