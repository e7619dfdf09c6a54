import { query } from "./database";
import { createSandboxProfile, type FreshProfile } from "./sandbox-profile";
import { sandbox } from "./sandbox";
import { callAction, serverAction } from "./server-actions";
import { CONSOLE_URL } from "./servers";

// Bulk batches driven as a script would: the file uploaded over HTTP, the batch started
// with its server action, and what was stored read back from the database and the sandbox.

export const GRANT_PATH = "/api/v2/server-side-api/purchase/profile/grant/access-level/";

export interface UploadFields {
  zone?: string;
  reason?: string;
  ticket?: string;
  ratePerSecond?: string;
  concurrency?: string;
}

export async function uploadCsv(
  cookie: string,
  csv: string,
  fields: UploadFields = {},
  { fileName = "e2e-batch.csv", base = CONSOLE_URL }: { fileName?: string; base?: string } = {},
): Promise<{ status: number; answer: { outcome: string; value?: { batchId: string }; fieldErrors?: unknown } }> {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), fileName);
  form.set("zone", fields.zone ?? "Europe/Berlin");
  form.set("reason", fields.reason ?? "E2E referral rewards");
  form.set("ticket", fields.ticket ?? "");
  form.set("ratePerSecond", fields.ratePerSecond ?? "");
  form.set("concurrency", fields.concurrency ?? "4");
  const response = await fetch(`${base}/bulk/upload`, {
    method: "POST",
    body: form,
    headers: { cookie, origin: base },
  });
  return { status: response.status, answer: (await response.json()) as never };
}

/** Uploads and answers the new batch's id (or throws with the console's answer). */
export async function uploadBatch(cookie: string, csv: string, fields?: UploadFields, base?: string): Promise<string> {
  const { answer } = await uploadCsv(cookie, csv, fields, { base });
  if (!answer.value?.batchId) throw new Error(`upload refused: ${JSON.stringify(answer).slice(0, 500)}`);
  return answer.value.batchId;
}

export interface BatchRow extends Record<string, unknown> {
  status: string;
  version: number;
}

export async function batchRecord(batchId: string): Promise<BatchRow> {
  const [batch] = await query<BatchRow>("select status, version from bulk_batches where id = $1", [batchId]);
  if (!batch) throw new Error(`no batch ${batchId}`);
  return batch;
}

/** Calls one of the batch's controls (start, pause, resume, cancel) with the version it is at now. */
export async function controlBatch(
  name: "startBatchAction" | "pauseBatchAction" | "resumeBatchAction" | "cancelBatchAction",
  cookie: string,
  batchId: string,
  base = CONSOLE_URL,
): Promise<{ outcome?: string; value?: { status: string } }> {
  const { version } = await batchRecord(batchId);
  const answer = await callAction(serverAction(name), [{ batchId, version }], { cookie, base });
  return answer.result?.data ?? { outcome: answer.result?.serverError ?? answer.text.slice(0, 300) };
}

/** Waits until the batch's status is one of `statuses` (polling the database). */
export async function waitForBatch(batchId: string, statuses: string[], timeoutMs = 90_000): Promise<BatchRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const batch = await batchRecord(batchId);
    if (statuses.includes(batch.status)) return batch;
    if (Date.now() > deadline) {
      const rows = await query(
        "select state, outcome, count(*)::int as n from bulk_rows where batch_id = $1 group by 1, 2",
        [batchId],
      );
      const jobs = await query(
        "select name, state::text, count(*)::int as n, max(output::text) as output from pgboss.job where data->>'batchId' = $1 group by 1, 2",
        [batchId],
      ).catch((error: unknown) => [String(error)]);
      throw new Error(
        `batch ${batchId} still ${batch.status} after ${timeoutMs} ms; rows ${JSON.stringify(rows)}; jobs ${JSON.stringify(jobs)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export interface StoredRow extends Record<string, unknown> {
  line: number;
  state: string;
  outcome: string | null;
  attempts: number;
  adapty_error_code: string | null;
  audit_event_id: number | null;
  customer: string | null;
}

export const storedRows = (batchId: string) =>
  query<StoredRow>(
    `select line, state, outcome, attempts, adapty_error_code, audit_event_id, cells->>'customer_user_id' as customer
     from bulk_rows where batch_id = $1 order by line`,
    [batchId],
  );

/** How many grants for this customer reached the sandbox and were applied. */
export async function appliedGrants(customer: string): Promise<number> {
  const requests = await sandbox.requests(customer);
  return requests.filter(
    (request) => request.method === "POST" && request.path === GRANT_PATH && request.status === 200,
  ).length;
}

/** `count` fresh customers in the sandbox, made a few at a time. */
export async function freshCustomers(prefix: string, count: number): Promise<FreshProfile[]> {
  const made: FreshProfile[] = [];
  for (let start = 0; start < count; start += 25) {
    const chunk = Array.from({ length: Math.min(25, count - start) }, (_, index) => `${prefix}-${start + index}`);
    made.push(...(await Promise.all(chunk.map((id) => createSandboxProfile(id)))));
  }
  return made;
}

/** In chunks, so a thousand customers' checks do not open a thousand sockets at once. */
export async function inChunks<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(run))));
  return results;
}
