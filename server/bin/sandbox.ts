// npm run sandbox -- --port 8787 --api-key KEY [--data-dir DIR | --memory]
//   [--access-levels premium,pro] [--on-duplicate-create return-existing|reject]
// The Adapty sandbox as its own HTTP server, for tests, curl and demos.
import "server-only"; // command-line entry points run under tsx --conditions=react-server
import path from "node:path";
import { parseArgs } from "node:util";
import { startStandaloneSandbox } from "@/server/adapty-sandbox/standalone";
import { getSandboxServerEnv } from "@/server/env";
import { runCli } from "./run-cli";

const USAGE =
  "Usage: npm run sandbox -- --port 8787 --api-key KEY [--data-dir DIR | --memory] [--access-levels premium,pro] [--on-duplicate-create return-existing|reject]";

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
  });
  console.info(`Adapty sandbox listening on ${sandbox.url} (${dataDir ? `state in ${dataDir}` : "in memory"}).`);

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await sandbox.close();
});
