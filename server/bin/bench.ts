// npm run bench — measures what the issues set targets for, and prints the figures.
// Never run by the tests: timings depend on the machine.
//
// 1. Sandbox profile reads per second: the standalone sandbox in its own process,
//    loaded over keep-alive HTTP from this one (target ≥ 2,000/s on 2 cores).
import "server-only"; // command-line entry points run under tsx --conditions=react-server
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { runCli } from "./run-cli";

const KEY = "bench-key";
const DURATION_MS = 5_000;
const CONCURRENCY = 32;
const CUSTOMERS = ["demo-active-renewing", "demo-multi-level", "demo-thirty-attributes", "demo-purchases"];

async function startSandbox(): Promise<{ url: string; stop: () => void; pid: number }> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "server/bin/sandbox.ts",
      "--port",
      "0",
      "--api-key",
      KEY,
      "--memory",
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /listening on (http:\/\/[^\s]+) /.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM"), pid: child.pid ?? 0 };
}

function get(agent: Agent, url: URL, customer: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent, headers: { Authorization: `Api-Key ${KEY}`, "adapty-customer-user-id": customer } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function sandboxReads(): Promise<void> {
  const sandbox = await startSandbox();
  try {
    const url = new URL("/api/v2/server-side-api/profile/", sandbox.url);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const latencies: number[] = [];
    let failures = 0;
    const deadline = performance.now() + DURATION_MS;
    // Warm up so that the first compilation is not measured.
    for (let i = 0; i < 200; i++) await get(agent, url, CUSTOMERS[i % CUSTOMERS.length] ?? "");
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, worker) => {
        for (let i = worker; performance.now() < deadline; i++) {
          const t = performance.now();
          const status = await get(agent, url, CUSTOMERS[i % CUSTOMERS.length] ?? "");
          latencies.push(performance.now() - t);
          if (status !== 200) failures++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    agent.destroy();
    console.info(
      `sandbox profile reads: ${Math.round(latencies.length / seconds)}/s over ${seconds.toFixed(1)} s, ` +
        `${CONCURRENCY} concurrent, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
        `${failures} non-200 (target ≥ 2000/s)`,
    );
  } finally {
    sandbox.stop();
  }
}

runCli(async () => {
  await sandboxReads();
});
