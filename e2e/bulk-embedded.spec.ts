import { expect, test } from "./support/fixtures";
import { signInOverHttp } from "./support/http-session";
import { uploadBatch } from "./support/bulk";
import { callAction, serverAction } from "./support/server-actions";
import { SANDBOX_MODE_CONSOLE_URL } from "./support/servers";

// The embedded defaults (PGlite, the built-in sandbox): the job queue runs on the one
// embedded connection too, so a batch started there is sent and completes.

const base = SANDBOX_MODE_CONSOLE_URL;

interface Progress {
  status: string;
  version: number;
  counts: { succeeded: number; notFound: number; invalid: number };
}

test("on the embedded database a batch is queued, sent and completed", async () => {
  const { cookie } = await signInOverHttp("agent@sandbox.local", "sandbox", {}, "/profiles", base);
  expect(cookie).toBeDefined();
  const csv = [
    "customer_user_id,access_level_id,duration",
    "demo-no-access,premium,7d",
    `nobody-${crypto.randomUUID()},premium,7d`,
    "demo-no-access,premium,soon",
  ].join("\n");
  const batchId = await uploadBatch(cookie!, csv, { concurrency: "2" }, base);
  const progress = async () =>
    (await (await fetch(`${base}/bulk/${batchId}/progress`, { headers: { cookie: cookie! } })).json()) as Progress;

  const { version } = await progress();
  const started = await callAction(serverAction("startBatchAction"), [{ batchId, version }], {
    cookie: cookie!,
    base,
  });
  expect(started.result?.data).toMatchObject({ outcome: "succeeded", value: { status: "running" } });
  await expect.poll(async () => (await progress()).status, { timeout: 60_000 }).toBe("completed");
  expect((await progress()).counts).toMatchObject({ succeeded: 1, notFound: 1, invalid: 1 });
});
