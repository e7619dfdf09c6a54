import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultAction } from "./faults";
import { adaptyError } from "./responses";

// The standalone sandbox's side of Node's HTTP server: bodies in and out, and the answers
// an injected fault gives instead of the handler's.

const MAX_BODY_BYTES = 2_000_000;

const FAULT_ERROR_CODES: Record<number, string> = {
  500: "server_error",
  502: "bad_gateway",
  503: "service_unavailable",
  504: "gateway_timeout",
};

export async function readBody(request: IncomingMessage): Promise<Buffer | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function send(response: ServerResponse, answer: Response): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(body);
}

export function parseLoggedBody(body: Buffer): unknown {
  if (body.length === 0) return null;
  const text = body.toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 10_000);
  }
}

/** The answer a rate-limit or failure fault gives in Adapty's error form, unprocessed; undefined for the others. */
export function injectedAnswer(fault: FaultAction | undefined): Response | undefined {
  if (fault?.type === "rate-limit") {
    return adaptyError(429, "rate_limited", [{ source: null, errors: ["Request was throttled."] }], {
      "Retry-After": fault.retryAfter,
    });
  }
  if (fault?.type === "fail") {
    const code = fault.errorCode ?? FAULT_ERROR_CODES[fault.status] ?? "fault_injected";
    const errors = fault.errors ?? [{ source: null, errors: ["Injected by the sandbox's fault control."] }];
    return adaptyError(fault.status, code, errors);
  }
  return undefined;
}

/** A 500 in Adapty's error form for an error the sandbox did not expect, logged in one line. */
export function answerServerError(response: ServerResponse, error: unknown): void {
  console.error(`Sandbox error: ${error instanceof Error ? error.message : String(error)}`);
  if (response.headersSent) return;
  response.writeHead(500, { "Content-Type": "application/json" });
  response.end(
    JSON.stringify({
      errors: [{ source: null, errors: ["Sandbox error."] }],
      error_code: "server_error",
      status_code: 500,
    }),
  );
}
