import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { sessionOf } from "../support/auth";
import { query } from "../support/database";
import { CONSOLE_PORT, CONSOLE_URL } from "../support/servers";

// A 100,000-row export measured for memory. It runs with the suite's part that runs alone:
// the export paces itself by the console's event-loop busy time (server/audit/export-pace.ts),
// so beside other tests it yields to them and takes as long as they keep the console busy.

function consoleRssMegabytes(): number {
  const listing = execFileSync("ss", ["-ltnpH", `sport = :${CONSOLE_PORT}`]).toString();
  const pid = /pid=(\d+)/.exec(listing)?.[1];
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

test("a CSV export of 100,000 rows streams with bounded memory", async () => {
  test.setTimeout(120_000);
  const actor = `bulk-${Date.now()}@e2e.test`;
  await query(
    `insert into audit_events (action, actor_email, actor_role, outcome, target_customer_user_id, reason, params, completed_at)
     select 'profile.viewed', $1, 'agent', 'succeeded', 'bulk-user-' || n, '=HYPERLINK("http://evil.example")', jsonb_build_object('n', n), now()
     from generate_series(1, 100000) as n`,
    [actor],
  );

  const admin = await playwrightRequest.newContext({ baseURL: CONSOLE_URL, storageState: sessionOf("admin") });
  const before = consoleRssMegabytes();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, consoleRssMegabytes())), 50);
  const response = await admin.get(`/audit/export?actor=${encodeURIComponent(actor)}`, { timeout: 120_000 });
  clearInterval(sampler);

  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  expect(response.headers()["content-length"]).toBeUndefined(); // streamed, not buffered
  const lines = (await response.text()).trimEnd().split("\n");
  expect(lines).toHaveLength(100_001);
  expect(lines[0]).toMatch(/^id,time_utc,actor_email,actor_role,action,/);
  expect(lines[1]).toContain(`,${actor},agent,profile.viewed,,bulk-user-100000,`);
  expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`); // formula escaped
  console.log(`console RSS during the export: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at peak`);
  expect(peak - before).toBeLessThan(150);
  await admin.dispose();
});
