import "server-only";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase } from "@/server/db/client";
import { adaptyEventBody } from "@/server/webhooks/test-events";
import { BENCH_WEBHOOK_AUTHORIZATION, startConsole, type Database } from "./processes";
import { spread, type Spread } from "./stats";

export interface WebhookLoad {
  perSecond: number;
  latency: Spread;
  /** Events answered 200 {} but missing from the database, or stored twice. */
  lost: number;
  doubled: number;
  errors: number;
}

/** Every tenth delivery repeats an earlier one, as Adapty's retries do. */
const REDELIVERY_EVERY = 10;

async function deliver(url: string, body: unknown): Promise<{ ms: number; status: number; duplicate: boolean }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/adapty/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: BENCH_WEBHOOK_AUTHORIZATION },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as { duplicate?: boolean };
  return { ms: performance.now() - started, status: response.status, duplicate: answer.duplicate === true };
}

/**
 * `clients` senders posting Adapty-shaped events for `seconds` (one customer per ten
 * events, some events delivered twice), then the database counted: every event answered
 * 200 must be stored exactly once. Starts its own console, so the figure is the receiver's.
 */
export async function webhookThroughput(
  database: Database,
  sandboxUrl: string,
  clients: number,
  seconds: number,
): Promise<WebhookLoad> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "console-bench-webhooks-"));
  const console_ = await startConsole(database, sandboxUrl, { keepDataIn: dataDir });
  const accepted = new Set<string>();
  const latencies: number[] = [];
  let errors = 0;
  try {
    const warmUntil = Date.now() + 2_000;
    while (Date.now() < warmUntil) await deliver(console_.url, adaptyEventBody());
    const until = Date.now() + seconds * 1_000;
    const startedAt = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const sent: ReturnType<typeof adaptyEventBody>[] = [];
        let profileId = crypto.randomUUID();
        for (let round = 0; Date.now() < until; round++) {
          if (round % 10 === 0) profileId = crypto.randomUUID();
          const again = round % REDELIVERY_EVERY === REDELIVERY_EVERY - 1 && sent.length > 0;
          const body = again ? sent[Math.floor(Math.random() * sent.length)]! : adaptyEventBody({ profileId });
          if (!again) sent.push(body);
          const result = await deliver(console_.url, body).catch(() => ({ ms: 0, status: 0, duplicate: false }));
          if (result.status !== 200) errors++;
          else {
            latencies.push(result.ms);
            if (!result.duplicate) accepted.add(String(body.event_properties.profile_event_id));
          }
        }
      }),
    );
    const elapsed = (performance.now() - startedAt) / 1_000;
    await console_.stop();
    const { lost, doubled } = await countStored(database, dataDir, accepted);
    return { perSecond: latencies.length / elapsed, latency: spread(latencies), lost, doubled, errors };
  } finally {
    await console_.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function countStored(
  database: Database,
  dataDir: string,
  accepted: Set<string>,
): Promise<{ lost: number; doubled: number }> {
  const handle = await openDatabase({ databaseUrl: database.kind === "postgres" ? database.url : undefined, dataDir });
  try {
    const result: unknown = await handle.db.execute(
      "select payload->'event_properties'->>'profile_event_id' as id, count(*)::int as n from adapty_events group by 1",
    );
    const stored = new Map((result as { rows: { id: string; n: number }[] }).rows.map((row) => [row.id, row.n]));
    let lost = 0;
    for (const id of accepted) if (!stored.has(id)) lost++;
    const doubled = [...stored.values()].filter((n) => n > 1).length;
    return { lost, doubled };
  } finally {
    await handle.close();
  }
}
