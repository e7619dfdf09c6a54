import { spawn, type ChildProcess } from "node:child_process";
import { consoleServer } from "./servers";

// A second console instance on the same PostgreSQL (as teams at scale run several), in its
// own process group so that kill -9 takes npx and next alike.

export interface SecondInstance {
  url: string;
  child: ChildProcess;
  /** What it printed, to show when a test fails. */
  log: string[];
  /** kill -9, at once. */
  kill: () => void;
}

export async function startSecondInstance(port: number, log: string[] = []): Promise<SecondInstance> {
  const url = `http://127.0.0.1:${port}`;
  const { env } = consoleServer();
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, AUTH_URL: url },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  const kill = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  for (
    const deadline = Date.now() + 60_000;
    Date.now() < deadline;
    await new Promise((resolve) => setTimeout(resolve, 250))
  ) {
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { url, child, log, kill };
  }
  kill();
  throw new Error("the second console instance did not start");
}
