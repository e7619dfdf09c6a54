import { SEED_PROFILE_ID } from "./attack-arguments";
import { query } from "./database";
import { cookieOf, signInOverHttp } from "./http-session";
import { callAction, serverAction } from "./server-actions";
import { CONSOLE_URL, E2E_PASSWORD } from "./servers";

// Helpers for the audit export under load (e2e/security/export-load.spec.ts): bulk rows
// inserted with SQL, exports started and held or read over HTTP, and an agent's
// profile-page latency measured while they run.

/** A row about the size of a real grant's (params, before and after): ~1 kB of CSV. */
const NOTE = "x".repeat(400);
const ACCESS = JSON.stringify({
  premium: {
    is_active: true,
    expires_at: "2030-01-01T00:00:00.000Z",
    will_renew: true,
    store: "app_store",
    vendor_product_id: "com.example.premium.monthly",
  },
});

/** `count` audit rows by `actor`, in one statement (generate_series): a few seconds for 250,000. */
export async function insertBulkRows(actor: string, count: number): Promise<void> {
  await query(
    `insert into audit_events (action, actor_email, actor_role, outcome, target_profile_id, target_customer_user_id, reason, params,
       access_before, access_after, client_address, user_agent, duration_ms, completed_at)
     select 'access_level.granted', $1, 'agent', 'succeeded', 'bulk-profile-' || n, 'bulk-user-' || n, 'export load test',
       jsonb_build_object('n', n, 'access_level_id', 'premium', 'note', $3::text), $4::jsonb, $4::jsonb,
       '203.0.113.7', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36', 120, now()
     from generate_series(1, $2::int) as n`,
    [actor, count, NOTE, ACCESS],
  );
  // Fresh statistics, as a table that grew slowly would have: until autovacuum gets to it,
  // the profile page's history query may be planned for the old, small table.
  await query("analyze audit_events");
}

/** Signed-in sessions of `count` new viewers (added through the admin's own action; a second run finds them). */
export async function exporterCookies(prefix: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let n = 1; n <= count; n++) {
    const email = `${prefix}-${n}@e2e.test`;
    await callAction(serverAction("addStaffAction"), [{ email, role: "viewer", password: E2E_PASSWORD }], {
      cookie: cookieOf("admin"),
    });
    const { cookie } = await signInOverHttp(email, E2E_PASSWORD, { "x-forwarded-for": `10.30.0.${n}` });
    if (!cookie) throw new Error(`${email} could not sign in`);
    cookies.push(cookie);
  }
  return cookies;
}

export interface Export {
  status: number;
  /** A refusal's sentence and Retry-After. */
  error?: string;
  retryAfter?: string | null;
  /**
   * Reads the body to its end and resolves with its line count (header included); rejects
   * if it is cut off. Until called, the body is left unread: the export stays open but
   * idle, as with a client that stopped reading.
   */
  readAll: () => Promise<number>;
  /** Lines read so far. */
  lines: () => number;
  /** Drops the connection, as a closed browser tab would. */
  cancel: () => void;
}

/** GET /audit/export?actor=… in `cookie`'s session. */
export async function startExport(cookie: string, actor: string): Promise<Export> {
  const controller = new AbortController();
  const response = await fetch(`${CONSOLE_URL}/audit/export?actor=${encodeURIComponent(actor)}`, {
    headers: { cookie },
    signal: controller.signal,
  });
  const cancel = () => controller.abort();
  if (response.status !== 200) {
    const body = (await response.json()) as { error?: string };
    return {
      status: response.status,
      error: body.error,
      retryAfter: response.headers.get("retry-after"),
      readAll: () => Promise.resolve(0),
      lines: () => 0,
      cancel,
    };
  }
  let lines = 0;
  let reading: Promise<number> | undefined;
  const readAll = () =>
    (reading ??= (async () => {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
      }
      return lines;
    })());
  return { status: 200, readAll, lines: () => lines, cancel };
}

/** An export started as soon as a slot is free again (a slot is released a moment after the connection drops). */
export async function startExportWhenFree(cookie: string, actor: string, withinMs = 5_000): Promise<Export> {
  const until = Date.now() + withinMs;
  for (;;) {
    const started = await startExport(cookie, actor);
    if (started.status !== 429 || Date.now() > until) return started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** p50 and p95 of `requests` sequential loads of an agent's profile page (the whole streamed page). */
export async function profileLatency(cookie: string, requests = 40): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let n = 0; n < requests; n++) {
    const started = performance.now();
    const response = await fetch(`${CONSOLE_URL}/profiles/${SEED_PROFILE_ID}`, { headers: { cookie } });
    const page = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200 || !page.includes('data-testid="customer-user-id"'))
      throw new Error(`the profile page answered ${response.status}`);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
  return { p50: at(0.5), p95: at(0.95) };
}
