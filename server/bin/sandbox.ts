// npm run sandbox -- --port 8787 --api-key KEY [--data-dir DIR | --memory]
//   [--access-levels premium,pro] [--on-duplicate-create return-existing|reject]
//   [--webhook-url URL] [--webhook-authorization VALUE] [--webhook-retry-ms N]
// The Adapty sandbox as its own HTTP server, for tests, curl and demos.
import "server-only"; // command-line entry points run under tsx --conditions=react-server
import path from "node:path";
import { parseArgs } from "node:util";
import { startStandaloneSandbox } from "@/server/adapty-sandbox/standalone";
import type { WebhookConfig } from "@/server/adapty-sandbox/webhooks/sender";
import { getSandboxServerEnv } from "@/server/env";
import { runCli } from "./run-cli";

const USAGE =
  "Usage: npm run sandbox -- --port 8787 --api-key KEY [--data-dir DIR | --memory] [--access-levels premium,pro] [--on-duplicate-create return-existing|reject] [--webhook-url URL] [--webhook-authorization VALUE] [--webhook-retry-ms N]";

runCli(async () => {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8787" },
      host: { type: "string", default: "127.0.0.1" },
      "api-key": { type: "string" },
      "data-dir": { type: "string" },
      memory: { type: "boolean", default: false },
      "access-levels": { type: "string" },
      "on-duplicate-create": { type: "string", default: "return-existing" },
      "webhook-url": { type: "string" },
      "webhook-authorization": { type: "string" },
      "webhook-retry-ms": { type: "string" },
    },
    strict: true,
  });

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a TCP port number. ${USAGE}`);
  const apiKey = values["api-key"] ?? getSandboxServerEnv().apiKey;
  if (!apiKey) throw new Error(`Give the sandbox an API key with --api-key or SANDBOX_API_KEY. ${USAGE}`);
  if (values.memory && values["data-dir"]) throw new Error(`Choose --data-dir or --memory, not both. ${USAGE}`);
  const duplicate = values["on-duplicate-create"];
  if (duplicate !== "return-existing" && duplicate !== "reject")
    throw new Error(`--on-duplicate-create must be return-existing or reject.`);
  const accessLevels = values["access-levels"]
    ?.split(",")
    .map((id) => id.trim())
    .filter(Boolean);

  const webhook = webhookOptions(values);

  const dataDir = values.memory
    ? undefined
    : path.resolve(values["data-dir"] ?? path.join(getSandboxServerEnv().dataDir, "sandbox-standalone"));
  const sandbox = await startStandaloneSandbox({
    port,
    host: values.host,
    apiKey,
    dataDir,
    accessLevels,
    onDuplicateCreate: duplicate,
    webhook,
  });
  console.info(`Adapty sandbox listening on ${sandbox.url} (${dataDir ? `state in ${dataDir}` : "in memory"}).`);
  if (webhook.url) console.info(`Sending Adapty's webhooks to ${webhook.url}.`);

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sandbox.close();
});

/**
 * Where webhooks go. `--webhook-retry-ms N` replaces Adapty's schedule (a minute, doubling,
 * nine retries) with N, 2N, 4N… so that tests see retries quickly.
 */
function webhookOptions(values: {
  "webhook-url"?: string;
  "webhook-authorization"?: string;
  "webhook-retry-ms"?: string;
}): WebhookConfig {
  const url = values["webhook-url"] ?? null;
  if (url !== null && !/^https?:\/\/[^\s]+$/.test(url))
    throw new Error(`--webhook-url must be an http(s) URL. ${USAGE}`);
  const authorization = values["webhook-authorization"] ?? getSandboxServerEnv().webhookAuthorization ?? null;
  const retry = values["webhook-retry-ms"];
  if (retry === undefined) return { url, authorization };
  const step = Number(retry);
  if (!Number.isInteger(step) || step < 1 || step > 3_600_000)
    throw new Error(`--webhook-retry-ms must be a whole number of milliseconds (1–3600000). ${USAGE}`);
  return { url, authorization, retryDelaysMs: Array.from({ length: 9 }, (_, i) => step * 2 ** i) };
}
