// npm run bench — the console's speed and memory against the budgets of docs/performance.md.
// Builds nothing: run `npm run build` first. Starts the built console in live mode against
// the standalone sandbox on free loopback ports with throw-away data (PGlite, then the
// throw-away PostgreSQL that e2e/tools/with-postgres.sh started), measures, prints one table,
// writes bench/results.json and exits 1 when a budget is missed. Never run by the tests:
// timings depend on the machine.
import "server-only"; // command-line entry points run under tsx --conditions=react-server
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hotSpotTable, profiled, summarise } from "@/server/bench/cpu-profile";
import { grantRoundTrip, javascriptBytes, launch, PAGES, signedInContext } from "@/server/bench/browser";
import { bulkFigures } from "@/server/bench/bulk";
import { lighthousePages } from "@/server/bench/lighthouse";
import { customers, lookupLatency, plainPages, throughput } from "@/server/bench/lookups";
import { BENCH_EMAIL, BENCH_PASSWORD, type Database, startConsole, startSandbox } from "@/server/bench/processes";
import { type Figure, passes, table, writeResults } from "@/server/bench/report";
import { sandboxReadsPerSecond } from "@/server/bench/sandbox-reads";
import { searchOverManyEvents } from "@/server/bench/search-index";
import { signIn } from "@/server/bench/session";
import { webhookThroughput } from "@/server/bench/webhooks";
import { progress } from "@/server/bench/stats";
import { runCli } from "./run-cli";

// `npm run bench -- --quick` checks the harness itself in a minute; its figures mean little.
const QUICK = process.argv.includes("--quick");
// `-- --server-only` skips the browser's figures (page weight, the grant, Lighthouse).
const SERVER_ONLY = process.argv.includes("--server-only");
// `-- --profile` measures nothing against budgets: it profiles the console's CPU under the
// throughput load on each database and prints where the time went (docs/performance.md).
const PROFILE = process.argv.includes("--profile");
// `-- --webhooks-only`: only the webhook receiver's and the search index's figures.
const WEBHOOKS_ONLY = process.argv.includes("--webhooks-only");
// `-- --bulk-only`: only the bulk batch's figures (issue 20).
const BULK_ONLY = process.argv.includes("--bulk-only");
const EVERYTHING = !WEBHOOKS_ONLY && !BULK_ONLY;
const LOOKUPS = QUICK ? 20 : 500;
const WARM_ROUNDS = QUICK ? 5 : 300;
const CLIENTS = 10;
const LOAD_SECONDS = QUICK ? 3 : 20;
const GRANTS = QUICK ? 2 : 20;
const LIGHTHOUSE_RUNS = QUICK ? 1 : 3;

async function serverSide(database: Database, label: string, figures: Figure[]): Promise<void> {
  const sandbox = await startSandbox();
  const console_ = await startConsole(database, sandbox.url);
  try {
    const people = await customers(sandbox.url);
    progress(`${label}: ${LOOKUPS} lookups, interleaved with the same reads straight to the sandbox`);
    const { page, refresh, sandbox: direct } = await lookupLatency(console_, sandbox, people, LOOKUPS, WARM_ROUNDS);
    figures.push(
      { name: `${label}: sandbox read alone, p50`, value: direct.p50, unit: "ms" },
      { name: `${label}: profile page, p50`, value: page.p50, unit: "ms" },
      { name: `${label}: profile page, p99`, value: page.p99, unit: "ms" },
      { name: `${label}: lookup added over Adapty, p50`, value: page.p50 - direct.p50, unit: "ms", budget: { max: 5 } },
      { name: `${label}: lookup added over Adapty, p95`, value: page.p95 - direct.p95, unit: "ms" },
      {
        name: `${label}: lookup added over Adapty, p99`,
        value: page.p99 - direct.p99,
        unit: "ms",
        budget: { max: 20 },
      },
      {
        name: `${label}: refresh added over Adapty, p50`,
        value: refresh.p50 - direct.p50,
        unit: "ms",
        budget: { max: 5 },
      },
      {
        name: `${label}: refresh added over Adapty, p99`,
        value: refresh.p99 - direct.p99,
        unit: "ms",
        budget: { max: 20 },
      },
    );
    progress(`${label}: pages without an Adapty call`);
    for (const [route, spread] of Object.entries(await plainPages(console_, QUICK ? 10 : 200, WARM_ROUNDS)))
      figures.push({
        name: `${label}: ${route} (no Adapty call), p50`,
        value: spread.p50,
        unit: "ms",
        budget: { max: 5 },
      });
    progress(`${label}: ${CLIENTS} signed-in clients looking up for ${LOAD_SECONDS} s`);
    const load = await throughput(console_, CLIENTS, LOAD_SECONDS);
    figures.push(
      {
        name: `${label}: lookups/s, ${CLIENTS} clients`,
        value: load.lookupsPerSecond,
        unit: "/s",
        budget: { min: 300 },
      },
      { name: `${label}: errors under load`, value: load.errors, unit: "errors", budget: { max: 0 } },
      { name: `${label}: lookup under load, p50`, value: load.latency.p50, unit: "ms" },
      { name: `${label}: lookup under load, p99`, value: load.latency.p99, unit: "ms" },
      { name: `${label}: console CPU per lookup under load`, value: load.cpuMsPerLookup, unit: "ms" },
      { name: `${label}: console resident memory, peak`, value: load.peakResidentMb, unit: "MB", budget: { max: 400 } },
    );
  } finally {
    await console_.stop();
    await sandbox.stop();
  }
}

async function browserSide(figures: Figure[]): Promise<void> {
  const sandbox = await startSandbox();
  const console_ = await startConsole({ kind: "pglite" }, sandbox.url);
  const browser = await launch();
  try {
    progress("page weight: compressed JavaScript per page, empty cache");
    for (const [name, route] of Object.entries(PAGES("demo-multi-level"))) {
      const bytes = await javascriptBytes(browser, console_.url, route, name !== "sign-in");
      const max = name === "sign-in" ? 100 : 150;
      figures.push({ name: `JavaScript downloaded: ${name}`, value: bytes / 1000, unit: "kB", budget: { max } });
    }
    progress(`a grant in Chromium, ${GRANTS} times`);
    const grant = await grantRoundTrip(browser, console_, sandbox, GRANTS);
    figures.push(
      { name: "grant, confirm → shown, median", value: grant.totalMs, unit: "ms" },
      { name: "grant: time in Adapty (sandbox)", value: grant.adaptyMs, unit: "ms" },
      { name: "grant: time in the console and browser", value: grant.consoleMs, unit: "ms" },
    );
    await (await signedInContext(browser, console_.url)).close(); // the sign-in page works before Lighthouse
    progress(`Lighthouse 12, desktop, median of ${LIGHTHOUSE_RUNS}`);
    const cookie = await signIn(console_.url, BENCH_EMAIL, BENCH_PASSWORD);
    const pages = Object.entries(PAGES("demo-multi-level")).map(([name, route]) => ({
      name,
      url: `${console_.url}${route}`,
      cookie: name === "sign-in" ? undefined : cookie,
    }));
    for (const [name, lh] of Object.entries(await lighthousePages(pages, LIGHTHOUSE_RUNS))) {
      figures.push(
        { name: `Lighthouse ${name}: performance`, value: lh.score, unit: "", budget: { min: 95 } },
        { name: `Lighthouse ${name}: LCP`, value: lh.lcpMs, unit: "ms" },
        { name: `Lighthouse ${name}: TBT`, value: lh.tbtMs, unit: "ms", budget: { max: 100 } },
        { name: `Lighthouse ${name}: CLS`, value: lh.cls, unit: "", budget: { max: 0.02 } },
      );
    }
  } finally {
    await browser.close();
    await console_.stop();
    await sandbox.stop();
  }
}

async function webhooks(database: Database, label: string, figures: Figure[]): Promise<void> {
  const sandbox = await startSandbox();
  try {
    progress(`${label}: ${CLIENTS} senders delivering webhook events for ${LOAD_SECONDS} s`);
    const load = await webhookThroughput(database, sandbox.url, CLIENTS, LOAD_SECONDS);
    const min = database.kind === "pglite" ? 300 : 1_000;
    figures.push(
      {
        name: `${label}: webhook events stored/s, ${CLIENTS} senders`,
        value: load.perSecond,
        unit: "/s",
        budget: { min },
      },
      { name: `${label}: webhook answer, p99`, value: load.latency.p99, unit: "ms", budget: { max: 100 } },
      {
        name: `${label}: webhook events lost or doubled`,
        value: load.lost + load.doubled,
        unit: "errors",
        budget: { max: 0 },
      },
      {
        name: `${label}: webhook deliveries refused or failed`,
        value: load.errors,
        unit: "errors",
        budget: { max: 0 },
      },
    );
  } finally {
    await sandbox.stop();
  }
}

async function searchSide(url: string, figures: Figure[]): Promise<void> {
  const events = QUICK ? 50_000 : 1_000_000;
  const { search, timeline } = await searchOverManyEvents(url, events, QUICK ? 100 : 1_000);
  const over = `${events.toLocaleString("en")} events`;
  figures.push(
    { name: `PostgreSQL: search over ${over}, p50`, value: search.p50, unit: "ms" },
    { name: `PostgreSQL: search over ${over}, p99`, value: search.p99, unit: "ms", budget: { max: 50 } },
    { name: `PostgreSQL: timeline query over ${over}, p99`, value: timeline.p99, unit: "ms" },
  );
}

async function sandboxSide(figures: Figure[]): Promise<void> {
  const sandbox = await startSandbox();
  try {
    progress("the sandbox's own profile reads per second");
    const reads = await sandboxReadsPerSecond(sandbox, QUICK ? 1_000 : 5_000);
    figures.push({ name: "sandbox profile reads/s", value: reads.perSecond, unit: "/s", budget: { min: 2000 } });
  } finally {
    await sandbox.stop();
  }
}

async function profileUnderLoad(database: Database, label: string): Promise<void> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "console-profile-")), "console.cpuprofile");
  const sandbox = await startSandbox();
  const console_ = await startConsole(database, sandbox.url, { cpuProfile: file });
  try {
    progress(`${label}: warming up, then profiling ${CLIENTS} signed-in clients for ${LOAD_SECONDS} s`);
    await throughput(console_, CLIENTS, 3);
    const [load, profile] = await profiled(console_.pid, file, () => throughput(console_, CLIENTS, LOAD_SECONDS));
    const lookups = load.lookupsPerSecond * LOAD_SECONDS;
    const { total, packagesBySelf, filesBySelf } = summarise(profile);
    console.info(
      `${label}: ${load.lookupsPerSecond.toFixed(0)} lookups/s under the profiler, ` +
        `${(total / lookups).toFixed(1)} ms of CPU per lookup (idle left out); profile: ${file}`,
    );
    console.info(hotSpotTable("by package", packagesBySelf, lookups));
    console.info(hotSpotTable("by file", filesBySelf, lookups));
  } finally {
    await console_.stop();
    await sandbox.stop();
  }
}

runCli(async () => {
  const postgres = process.env.TEST_DATABASE_URL;
  if (!postgres)
    throw new Error("run it as `npm run bench`: it needs the throw-away PostgreSQL server that script starts");
  if (PROFILE) {
    await profileUnderLoad({ kind: "pglite" }, "PGlite");
    await profileUnderLoad({ kind: "postgres", url: postgres }, "PostgreSQL");
    return;
  }
  const figures: Figure[] = [];
  const databases: [Database, string][] = [
    [{ kind: "pglite" }, "PGlite"],
    [{ kind: "postgres", url: postgres }, "PostgreSQL"],
  ];
  if (EVERYTHING) for (const [database, label] of databases) await serverSide(database, label, figures);
  if (!BULK_ONLY) {
    for (const [database, label] of databases) await webhooks(database, label, figures);
    await searchSide(postgres, figures);
  }
  const bulk = { rows: QUICK ? 500 : 10_000, concurrency: 8, lookups: QUICK ? 20 : 200, warmRounds: WARM_ROUNDS };
  if (!WEBHOOKS_ONLY)
    for (const [database, label] of databases) await bulkFigures(database, { ...bulk, label }, figures);
  if (!SERVER_ONLY && EVERYTHING) await browserSide(figures);
  if (EVERYTHING) await sandboxSide(figures);
  console.info(table(figures));
  writeResults(figures);
  const missed = figures.filter((figure) => !passes(figure));
  if (missed.length > 0) throw new Error(`${missed.length} of ${figures.length} figures miss their budget`);
});
