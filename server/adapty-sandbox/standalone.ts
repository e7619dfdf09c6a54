import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeHeaderValue } from "@/server/adapty/paths";
import { FaultPlan, faultsSchema, type FaultAction } from "./faults";
import { copyOfDemo, customerId, invalid } from "./demo-copies";
import { answerServerError, injectedAnswer, parseLoggedBody, readBody, send } from "./node-http";
import { createSandboxHandler, type SandboxConfig } from "./handler";
import { DEFAULT_SANDBOX_ACCESS_LEVELS } from "./model";
import { adaptyError, json } from "./responses";
import { seedProfiles } from "./seed";
import { SandboxStore } from "./store";
import { webhookControls } from "./webhooks/controls";
import { demoHistory } from "./webhooks/demo-history";
import { createWebhookSender, type WebhookConfig } from "./webhooks/sender";

export interface StandaloneOptions {
  port: number;
  host?: string;
  apiKey: string;
  /** Where state.json lives; undefined keeps everything in memory. */
  dataDir: string | undefined;
  accessLevels?: string[];
  onDuplicateCreate?: SandboxConfig["onDuplicateCreate"];
  /** Where the sandbox sends Adapty's webhooks; none (events wait in a queue) by default. */
  webhook?: WebhookConfig;
}

/** One API request as the sandbox received it, for tests that count what reached "Adapty". */
export interface ReceivedRequest {
  time: string;
  method: string;
  path: string;
  customerUserId: string | null;
  profileId: string | null;
  body: unknown;
  status: number | null;
  fault: FaultAction["type"] | null;
  /** From the request's arrival to its answer sent, for `npm run bench`'s time-in-Adapty split. */
  durationMs: number | null;
}

const MAX_LOGGED_REQUESTS = 100_000;
/** Customers with faults of their own at once: far more than any test run needs. */
const MAX_SCOPED_FAULT_PLANS = 1_000;

/**
 * The sandbox as its own HTTP server (`npm run sandbox`): the same handler as inside the
 * console, plus the test and demo controls under /__sandbox/ — the requests received,
 * reset to the demo profiles, fault injection, and copies of the demo profiles.
 *
 * The request log and the faults can be scoped to one customer with `?for=<id>` (a
 * customer user id or a profile id), so that tests running side by side each see and
 * disturb only their own customer: a request concerns a customer when its headers name
 * it, or name the stored profile that has that id. A request concerning a customer with
 * faults of its own takes those faults instead of the global ones.
 */
export async function startStandaloneSandbox(options: StandaloneOptions) {
  const store = new SandboxStore(options.dataDir, () => seedProfiles());
  const accessLevels = options.accessLevels ?? DEFAULT_SANDBOX_ACCESS_LEVELS;
  const webhooks = createWebhookSender(options.webhook ?? { url: null, authorization: null }, {
    history: () => demoHistory(store.all()),
  });
  const handle = createSandboxHandler({
    store,
    apiKey: options.apiKey,
    accessLevels,
    onDuplicateCreate: options.onDuplicateCreate,
    onEvents: webhooks.enqueue,
  });
  const faults = new FaultPlan();
  /** Faults of one customer, by the id they were set for. */
  const scopedFaults = new Map<string, FaultPlan>();
  /** Each logged request with the ids of the customer it concerns. */
  let received: { request: ReceivedRequest; concerns: string[] }[] = [];
  const authorised = (request: IncomingMessage) => request.headers.authorization === `Api-Key ${options.apiKey}`;

  /** The ids a request concerns: those its headers give, and those of the stored profile they name. */
  function concerns(customerUserId: string | null, profileId: string | null): string[] {
    const stored =
      profileId !== null
        ? store.findByProfileId(profileId)
        : customerUserId !== null
          ? store.findByCustomerUserId(customerUserId)
          : undefined;
    const ids = [customerUserId, profileId, stored?.profile_id ?? null, stored?.customer_user_id ?? null];
    return [...new Set(ids.filter((id): id is string => id !== null))];
  }

  function controls(request: IncomingMessage, body: Buffer, url: URL): Response {
    if (!authorised(request))
      return adaptyError(401, "not_authenticated", [
        { source: "non_field_errors", errors: ["Incorrect authentication credentials."] },
      ]);
    const route = `${request.method} ${url.pathname}`;
    const scopeParam = url.searchParams.get("for");
    const scope = scopeParam === null ? undefined : customerId.safeParse(scopeParam);
    if (scope && !scope.success) return invalid("for", scope.error);
    const customer = scope?.data;
    const mine = (entry: { concerns: string[] }) => customer === undefined || entry.concerns.includes(customer);
    const webhookAnswer = webhookControls(route, body, { sender: webhooks, store, accessLevels, customer });
    if (webhookAnswer) return webhookAnswer;

    if (route === "GET /__sandbox/requests")
      return json(200, { requests: received.filter(mine).map((entry) => entry.request) });
    if (route === "DELETE /__sandbox/requests") {
      received = received.filter((entry) => !mine(entry));
      return json(200, { requests: [] });
    }
    if (route === "POST /__sandbox/reset") {
      store.reset();
      faults.clear();
      scopedFaults.clear();
      received = [];
      webhooks.clearLog();
      return json(200, { profiles: store.all().length });
    }
    const plan = customer === undefined ? faults : scopedFaults.get(customer);
    if (route === "GET /__sandbox/faults") return json(200, (plan ?? new FaultPlan()).current);
    if (route === "DELETE /__sandbox/faults") {
      if (customer === undefined) faults.clear();
      else scopedFaults.delete(customer);
      return json(200, new FaultPlan().current);
    }
    if (route === "POST /__sandbox/faults") {
      const parsed = faultsSchema.safeParse(parseLoggedBody(body));
      if (!parsed.success) return invalid("faults", parsed.error);
      if (customer === undefined) {
        faults.set(parsed.data);
        return json(200, faults.current);
      }
      if (!scopedFaults.has(customer) && scopedFaults.size >= MAX_SCOPED_FAULT_PLANS)
        return json(400, { error: "Too many customers with faults of their own: clear some first." });
      const scoped = scopedFaults.get(customer) ?? new FaultPlan();
      scoped.set(parsed.data);
      scopedFaults.set(customer, scoped);
      return json(200, scoped.current);
    }
    if (route === "GET /__sandbox/profiles") return json(200, { profiles: store.all() });
    if (route === "POST /__sandbox/profiles") return copyOfDemo(store, body);
    const match = /^GET \/__sandbox\/profiles\/([^/]+)$/.exec(route);
    if (match?.[1]) {
      const stored = store.findByProfileId(decodeURIComponent(match[1]));
      return stored ? json(200, stored) : json(404, { error: "No such profile in the sandbox." });
    }
    return json(404, { error: "Unknown sandbox control." });
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://sandbox.local");
    const body = await readBody(request);
    if (body === "too-large") {
      await send(
        response,
        adaptyError(413, "request_too_large", [{ source: null, errors: ["Request body is too large."] }]),
      );
      return;
    }
    if (url.pathname.startsWith("/__sandbox/")) {
      await send(response, controls(request, body, url));
      return;
    }

    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === "string" ? decodeHeaderValue(value) : null;
    };
    const arrived = performance.now();
    const entry: ReceivedRequest = {
      time: new Date().toISOString(),
      method: request.method ?? "GET",
      path: url.pathname,
      customerUserId: header("adapty-customer-user-id"),
      profileId: header("adapty-profile-id"),
      body: parseLoggedBody(body),
      status: null,
      fault: null,
      durationMs: null,
    };
    const ids = concerns(entry.customerUserId, entry.profileId);
    received.push({ request: entry, concerns: ids });
    if (received.length > MAX_LOGGED_REQUESTS) received = received.slice(-MAX_LOGGED_REQUESTS);

    const plan = ids.map((id) => scopedFaults.get(id)).find((scoped) => scoped !== undefined) ?? faults;
    const fault = plan.take(Date.now(), entry.method);
    entry.fault = fault?.type ?? null;
    const delayMs = plan.current.latencyMs + (fault?.type === "delay" ? fault.ms : 0);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

    if (fault?.type === "hang") return; // the client gives up; the socket closes with it
    if (fault?.type === "drop" && fault.when === "before") {
      request.socket.destroy();
      return;
    }
    const injected = injectedAnswer(fault);
    if (injected) {
      entry.status = injected.status;
      await send(response, injected);
      return;
    }

    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const answer = await handle(
      new Request(url, {
        method: entry.method,
        headers,
        body: ["GET", "HEAD"].includes(entry.method) ? undefined : new Uint8Array(body),
      }),
    );
    entry.status = answer.status;
    if (fault?.type === "drop") {
      request.socket.destroy(); // processed, but the answer is lost
      return;
    }
    await send(response, answer);
    entry.durationMs = performance.now() - arrived;
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => answerServerError(response, error));
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    store,
    webhooks,
    close: () =>
      new Promise<void>((resolve) => {
        webhooks.close();
        store.flush();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
