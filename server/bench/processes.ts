import "server-only";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

// The processes a benchmark measures: the standalone sandbox and the built console in live
// mode against it, each on a free loopback port, with throw-away data.

export const SANDBOX_KEY = "bench-key";
export const BENCH_EMAIL = "bench@bench.local";
export const BENCH_PASSWORD = "bench-password-1";
/** A second member, role agent (`startConsole(…, { agent: true })`): the one who looks up while a batch runs. */
export const AGENT_EMAIL = "agent@bench.local";

export interface Running {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** The Authorization value the benchmarked console's webhook receiver takes. */
export const BENCH_WEBHOOK_AUTHORIZATION = "bench-webhook-authorization";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function stopper(child: ChildProcess, cleanup = () => {}): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) {
        cleanup();
        resolve();
        return;
      }
      child.once("exit", () => {
        cleanup();
        resolve();
      });
      child.kill("SIGTERM");
    });
}

const tsx = (script: string, args: string[]) => [
  "--conditions=react-server",
  "--import",
  "tsx",
  `server/bin/${script}`,
  ...args,
];

export async function startSandbox(): Promise<Running> {
  const child = spawn(process.execPath, tsx("sandbox.ts", ["--port", "0", "--api-key", SANDBOX_KEY, "--memory"]), {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /listening on (http:\/\/[^\s]+) /.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  return { url, pid: child.pid ?? 0, stop: stopper(child) };
}

export type Database = { kind: "pglite" } | { kind: "postgres"; url: string };

export async function emptyPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    "drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;",
  );
  await client.end();
}

/** The built console (`next build` first: the benchmark builds nothing), signed-in staff ready. */
export async function startConsole(
  database: Database,
  sandboxUrl: string,
  options: { cpuProfile?: string; keepDataIn?: string; agent?: boolean } = {},
): Promise<Running> {
  if (!readFileSync(".next/BUILD_ID", { encoding: "utf8", flag: "r" })) throw new Error("run `npm run build` first");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // keepDataIn: the caller reads the embedded database after the console stops, then removes it.
  const dataDir = options.keepDataIn ?? mkdtempSync(path.join(tmpdir(), "console-bench-"));
  if (database.kind === "postgres") await emptyPostgres(database.url);
  const { DATABASE_URL: _unused, ...inherited } = process.env;
  const env = {
    ...inherited,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATA_DIR: dataDir,
    ...(database.kind === "postgres" ? { DATABASE_URL: database.url } : {}),
    ADAPTY_SECRET_KEY: SANDBOX_KEY,
    ADAPTY_API_URL: sandboxUrl,
    ADAPTY_ACCESS_LEVELS: "premium,pro,gold",
    AUTH_SECRET: "bench-auth-secret-that-is-at-least-32-characters",
    AUTH_URL: url,
    CONSOLE_ENV_LABEL: "BENCH",
    ADAPTY_WEBHOOK_AUTHORIZATION: BENCH_WEBHOOK_AUTHORIZATION,
    ...(options.cpuProfile ? { BENCH_CPU_PROFILE: options.cpuProfile } : {}),
  };
  const members = [
    { email: BENCH_EMAIL, role: "admin" },
    ...(options.agent ? [{ email: AGENT_EMAIL, role: "agent" }] : []),
  ];
  for (const { email, role } of members) {
    const added = spawnSync(
      process.execPath,
      tsx("staff.ts", ["add", "--email", email, "--role", role, "--password", BENCH_PASSWORD]),
      { env, encoding: "utf8" },
    );
    if (added.status !== 0) throw new Error(`adding the bench staff member failed: ${added.stderr || added.stdout}`);
  }
  // `next start` serves from this very process, so its pid is the server whose memory counts.
  const child = spawn(
    process.execPath,
    [
      // SIGUSR2 starts and then writes a CPU profile (server/bench/profiler-preload.mjs).
      ...(options.cpuProfile ? ["--import", "./server/bench/profiler-preload.mjs"] : []),
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );
  const stop = stopper(child, () => {
    if (!options.keepDataIn) rmSync(dataDir, { recursive: true, force: true });
  });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (ok) return { url, pid: child.pid ?? 0, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error("the console did not answer /api/health within 60 s");
}

/** CPU time (user + system) a process has used so far, in ms (Linux; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  // The fields after the command name, which is in parentheses and may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident memory of a process right now, in MB (Linux). */
export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Samples a process's resident memory every 100 ms until `stop()`, which answers the peak in MB. */
export function sampleResident(pid: number): { stop: () => number } {
  let peak = residentMb(pid);
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, residentMb(pid));
    } catch {
      clearInterval(sampler); // the process has exited
    }
  }, 100);
  return {
    stop: () => {
      clearInterval(sampler);
      return peak;
    },
  };
}
