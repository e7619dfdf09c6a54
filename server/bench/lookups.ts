import "server-only";
import autocannon from "autocannon";
import { BENCH_EMAIL, BENCH_PASSWORD, cpuMs, SANDBOX_KEY, sampleResident, type Running } from "./processes";
import { actionId, openProfile, profilePath, readFromSandbox, refreshProfile, signIn } from "./session";
import { type Spread, spread, timed } from "./stats";

// What an agent waits for on every ticket: the profile page and its refresh, each against
// the same read made straight to the sandbox, one after the other so noise hits both.

export const CUSTOMERS = ["demo-active-renewing", "demo-multi-level", "demo-thirty-attributes", "demo-purchases"];

export interface Customer {
  customerUserId: string;
  profileId: string;
}

async function profileIdOf(sandboxUrl: string, customerUserId: string): Promise<string> {
  const response = await fetch(`${sandboxUrl}/api/v2/server-side-api/profile/`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "adapty-customer-user-id": customerUserId },
  });
  return ((await response.json()) as { data: { profile_id: string } }).data.profile_id;
}

export async function customers(sandboxUrl: string): Promise<Customer[]> {
  return Promise.all(
    CUSTOMERS.map(async (id) => ({ customerUserId: id, profileId: await profileIdOf(sandboxUrl, id) })),
  );
}

export interface LookupLatency {
  page: Spread;
  refresh: Spread;
  sandbox: Spread;
}

export async function lookupLatency(
  console_: Running,
  sandbox: Running,
  people: Customer[],
  rounds: number,
  warmRounds: number,
  // `email`: who looks up (the bench admin by default); `going`: measure while it answers true, not `rounds` times.
  { email = BENCH_EMAIL, going }: { email?: string; going?: () => boolean } = {},
): Promise<LookupLatency> {
  const cookie = await signIn(console_.url, email, BENCH_PASSWORD);
  const loadId = actionId("loadProfileAction");
  const page: number[] = [];
  const refresh: number[] = [];
  const direct: number[] = [];
  const round = async (i: number, record: boolean) => {
    const customer = people[i % people.length]!;
    const a = await timed(() => readFromSandbox(sandbox.url, SANDBOX_KEY, customer.customerUserId));
    const b = await timed(() => openProfile(console_.url, cookie, customer.customerUserId));
    const c = await timed(() => readFromSandbox(sandbox.url, SANDBOX_KEY, customer.customerUserId));
    const d = await timed(() => refreshProfile(console_.url, cookie, loadId, customer));
    if (!record) return;
    direct.push(a.ms, c.ms);
    page.push(b.ms);
    refresh.push(d.ms);
  };
  // Warm first, as a console that has served all day is: V8 optimises the hot paths only after
  // some hundreds of requests (a bare Next.js page's p50 halves between 20 and 2,000), and
  // pools and caches fill.
  for (let i = 0; i < warmRounds; i++) await round(i, false);
  for (let i = 0; going ? going() : i < rounds; i++) await round(i, true);
  return { page: spread(page), refresh: spread(refresh), sandbox: spread(direct) };
}

/** Pages that call no Adapty at all: what the console costs by itself. */
export async function plainPages(
  console_: Running,
  rounds: number,
  warmRounds: number,
): Promise<Record<string, Spread>> {
  const cookie = await signIn(console_.url, BENCH_EMAIL, BENCH_PASSWORD);
  const paths = ["/profiles", "/staff", "/approvals", "/settings", "/sign-in"];
  const samples: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
  for (let i = 0; i < rounds + warmRounds; i++) {
    for (const route of paths) {
      const { ms } = await timed(async () => {
        const response = await fetch(`${console_.url}${route}`, { headers: route === "/sign-in" ? {} : { cookie } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${route} answered ${response.status}`);
      });
      if (i >= warmRounds) samples[route]!.push(ms);
    }
  }
  return Object.fromEntries(paths.map((route) => [route, spread(samples[route]!)]));
}

export interface Throughput {
  lookupsPerSecond: number;
  errors: number;
  latency: { p50: number; p99: number };
  peakResidentMb: number;
  /** The console's CPU time per lookup: 1000 / this is what one process can serve at most. */
  cpuMsPerLookup: number;
}

/** Ten signed-in agents looking customers up as fast as the console answers. */
export async function throughput(console_: Running, clients: number, seconds: number): Promise<Throughput> {
  const cookies: string[] = [];
  for (let i = 0; i < clients; i++) cookies.push(await signIn(console_.url, BENCH_EMAIL, BENCH_PASSWORD));
  const memory = sampleResident(console_.pid);
  const cpuBefore = cpuMs(console_.pid);
  // One autocannon per client, each with its own session: autocannon's per-client headers
  // reach only the first request of a sequence, so a shared run would be signed out after it.
  const runs = await Promise.all(
    cookies.map((cookie) =>
      autocannon({
        url: console_.url,
        connections: 1,
        duration: seconds,
        headers: { cookie },
        requests: CUSTOMERS.map((id) => ({ method: "GET" as const, path: profilePath(id) })),
      }),
    ),
  );
  const peak = memory.stop();
  const cpu = cpuMs(console_.pid) - cpuBefore;
  const total = runs.reduce((sum, run) => sum + run.requests.total, 0);
  const errors = runs.reduce((sum, run) => sum + run.errors + run.timeouts + run.non2xx, 0);
  const p50s = runs.map((run) => run.latency.p50).sort((a, b) => a - b);
  return {
    lookupsPerSecond: total / seconds,
    errors,
    // Per client: the median client's p50 and the worst client's p99.
    latency: { p50: p50s[Math.floor(p50s.length / 2)]!, p99: Math.max(...runs.map((run) => run.latency.p99)) },
    peakResidentMb: peak,
    cpuMsPerLookup: cpu / Math.max(1, total),
  };
}
