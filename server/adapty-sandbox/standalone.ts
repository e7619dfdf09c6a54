import "server-only";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeHeaderValue } from "@/server/adapty/paths";
import { FaultPlan, faultsSchema, type FaultAction } from "./faults";
import { createSandboxHandler, type SandboxConfig } from "./handler";
import { DEFAULT_SANDBOX_ACCESS_LEVELS } from "./model";
import { adaptyError, json } from "./responses";
import { seedProfiles } from "./seed";
import { SandboxStore } from "./store";

export interface StandaloneOptions {
  port: number;
  host?: string;
  apiKey: string;
  /** Where state.json lives; undefined keeps everything in memory. */
  dataDir: string | undefined;
  accessLevels?: string[];
  onDuplicateCreate?: SandboxConfig["onDuplicateCreate"];
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
}

const MAX_BODY_BYTES = 2_000_000;
const MAX_LOGGED_REQUESTS = 100_000;

const FAULT_ERROR_CODES: Record<number, string> = {
  500: "server_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
};

async function readBody(request: IncomingMessage): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function send(response: ServerResponse, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(body);
}

function parseLoggedBody(body: Buffer): unknown {
  if (body.length === 0) return null;
  const text = body.toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 10_000);
  }
}

/**
 * The sandbox as its own HTTP server (`npm run sandbox`): the same handler as inside the
 * console, plus the test and demo controls under /__sandbox/ — the requests received,
 * reset to the demo profiles, and fault injection.
 */
export async function startStandaloneSandbox(options: StandaloneOptions) {
  const store = new SandboxStore(options.dataDir, () => seedProfiles());
  const handle = createSandboxHandler({
    store,
    apiKey: options.apiKey,
    accessLevels: options.accessLevels ?? DEFAULT_SANDBOX_ACCESS_LEVELS,
    onDuplicateCreate: options.onDuplicateCreate,
  });
  const faults = new FaultPlan();
  let received: ReceivedRequest[] = [];
  const authorised = (request: IncomingMessage) => request.headers.authorization === `Api-Key ${options.apiKey}`;

  function controls(request: IncomingMessage, body: Buffer, path: string): Response {
    if (!authorised(request))
      return adaptyError(401, "not_authenticated", [
        { source: "non_field_errors", errors: ["Incorrect authentication credentials."] },
      ]);
    const route = `${request.method} ${path}`;
    if (route === "GET /__sandbox/requests") return json(200, { requests: received });
    if (route === "DELETE /__sandbox/requests") {
      received = [];
      return json(200, { requests: [] });
    }
    if (route === "POST /__sandbox/reset") {
      store.reset();
      faults.clear();
      received = [];
      return json(200, { profiles: store.all().length });
    }
    if (route === "GET /__sandbox/faults") return json(200, faults.current);
    if (route === "DELETE /__sandbox/faults") {
      faults.clear();
      return json(200, faults.current);
    }
    if (route === "POST /__sandbox/faults") {
      const parsed = faultsSchema.safeParse(parseLoggedBody(body));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return json(400, {
          error: `Invalid faults: ${issue?.path.join(".") || "body"} ${issue?.message ?? ""}`.trim(),
        });
      }
      faults.set(parsed.data);
      return json(200, faults.current);
    }
    if (route === "GET /__sandbox/profiles") return json(200, { profiles: store.all() });
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
      await send(response, controls(request, body, url.pathname));
      return;
    }

    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === "string" ? decodeHeaderValue(value) : null;
    };
    const entry: ReceivedRequest = {
      time: new Date().toISOString(),
      method: request.method ?? "GET",
      path: url.pathname,
      customerUserId: header("adapty-customer-user-id"),
      profileId: header("adapty-profile-id"),
      body: parseLoggedBody(body),
      status: null,
      fault: null,
    };
    received.push(entry);
    if (received.length > MAX_LOGGED_REQUESTS) received = received.slice(-MAX_LOGGED_REQUESTS);

    const fault = faults.take(Date.now(), entry.method);
    entry.fault = fault?.type ?? null;
    const delayMs = faults.current.latencyMs + (fault?.type === "delay" ? fault.ms : 0);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

    if (fault?.type === "hang") return; // the client gives up; the socket closes with it
    if (fault?.type === "drop" && fault.when === "before") {
      request.socket.destroy();
      return;
    }
    if (fault?.type === "rate-limit") {
      entry.status = 429;
      await send(
        response,
        adaptyError(429, "rate_limited", [{ source: null, errors: ["Request was throttled."] }], {
          "Retry-After": fault.retryAfter,
        }),
      );
      return;
    }
    if (fault?.type === "fail") {
      entry.status = fault.status;
      const code = fault.errorCode ?? FAULT_ERROR_CODES[fault.status] ?? "fault_injected";
      await send(
        response,
        adaptyError(
          fault.status,
          code,
          fault.errors ?? [{ source: null, errors: ["Injected by the sandbox's fault control."] }],
        ),
      );
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
  }

  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      console.error(`Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) {
        response.writeHead(500, { "Content-Type": "application/json" });
        response.end(
          JSON.stringify({
            errors: [{ source: null, errors: ["Sandbox error."] }],
            error_code: "server_error",
            status_code: 500,
          }),
        );
      }
    });
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
    close: () =>
      new Promise<void>((resolve) => {
        store.flush();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
