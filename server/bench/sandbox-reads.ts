import "server-only";
import { Agent, request } from "node:http";
import { SANDBOX_KEY, type Running } from "./processes";
import { CUSTOMERS } from "./lookups";

// The sandbox's own speed: profile reads over keep-alive HTTP from this process, so the
// console's measurements are not the sandbox's.

const CONCURRENCY = 32;

function get(agent: Agent, url: URL, customer: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { agent, headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "adapty-customer-user-id": customer } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

export async function sandboxReadsPerSecond(
  sandbox: Running,
  durationMs: number,
): Promise<{ perSecond: number; failures: number }> {
  const url = new URL("/api/v2/server-side-api/profile/", sandbox.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  for (let i = 0; i < 200; i++) await get(agent, url, CUSTOMERS[i % CUSTOMERS.length]!); // warm up
  let reads = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = worker; performance.now() < deadline; i++) {
        if ((await get(agent, url, CUSTOMERS[i % CUSTOMERS.length]!)) !== 200) failures++;
        reads++;
      }
    }),
  );
  agent.destroy();
  return { perSecond: reads / ((performance.now() - started) / 1000), failures };
}
