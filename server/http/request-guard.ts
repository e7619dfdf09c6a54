import "server-only";

/**
 * The checks every change request (POST, PUT, PATCH, DELETE) passes before Next.js sees
 * it, made in proxy.ts. Next.js checks a server action's Origin itself, but it trusts
 * X-Forwarded-Host, lets a request without Origin through, and answers a refusal or an
 * oversized body with a 500; here each is a plain 4xx, decided the same way for actions,
 * next-auth's endpoints and route handlers alike.
 */

/** Larger than any form the console sends (a profile with 30 attributes is ~10 kB). */
export const MAX_BODY_BYTES = 100_000;

/**
 * A bulk batch's file (lib/bulk/request.ts MAX_FILE_BYTES, 10 MB) is the one larger body the
 * console takes, at this one path, from its own pages only; its route checks the file again.
 */
export const UPLOAD_PATH = "/bulk/upload";
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024 + 100_000;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The built-in sandbox's Adapty API is called server to server with its own Api-Key, never with cookies. */
const API_KEY_PREFIXES = ["/sandbox/adapty/"];

/**
 * Adapty's webhook deliveries carry no Origin and no session, only the Authorization value
 * configured in Adapty: the route checks that, and bounds the body itself, answering 400
 * (not 411 or 413) so that Adapty, which retries nothing in 200–404, is told plainly.
 */
export const WEBHOOK_PATH = "/api/adapty/webhook";

export interface GuardedRequest {
  method: string;
  pathname: string;
  headers: Headers;
  /** AUTH_URL's origin when configured: then only that origin may send changes. */
  publicOrigin: string | undefined;
}

export interface Refusal {
  status: 400 | 403 | 411 | 413;
  /** What the person (or script) that sent it reads. */
  message: string;
  /** One line for the server log, naming what was refused and why. */
  log: string;
}

function originHost(origin: string): string | undefined {
  return URL.canParse(origin) ? new URL(origin).host : undefined;
}

function crossSiteRefusal(request: GuardedRequest): Refusal | undefined {
  const origin = request.headers.get("origin");
  // Behind a proxy, AUTH_URL names the one origin; without it the Host header the browser
  // sent decides. X-Forwarded-Host is never trusted: any client can set it.
  const allowed = request.publicOrigin;
  const matches =
    origin !== null &&
    origin !== "null" &&
    (allowed ? origin === allowed : originHost(origin) === request.headers.get("host")?.toLowerCase());
  if (matches) return undefined;
  return {
    status: 403,
    message: "Refused: this request did not come from the console's own pages. Nothing was changed.",
    log: `Refused a ${request.method} to ${request.pathname.slice(0, 200)} from origin ${JSON.stringify((origin ?? "none").slice(0, 200))}${allowed ? ` (AUTH_URL allows ${allowed})` : " (set AUTH_URL when a proxy rewrites the Host header)"}`,
  };
}

function bodySizeRefusal(request: GuardedRequest): Refusal | undefined {
  const limit = request.pathname === UPLOAD_PATH ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
  const length = request.headers.get("content-length");
  if (length === null) {
    // Browsers always send a length; a streamed body of unknown size is refused outright.
    if (!request.headers.has("transfer-encoding")) return undefined;
    return {
      status: 411,
      message: "Refused: send a Content-Length with the request body.",
      log: `Refused a ${request.method} without Content-Length`,
    };
  }
  if (/^\d+$/.test(length) && Number(length) <= limit) return undefined;
  return {
    status: 413,
    message: `Refused: the request is larger than the console accepts (${Math.round(limit / 1000)} kB). Nothing was changed.`,
    log: `Refused a ${request.method} of ${length.slice(0, 20)} bytes`,
  };
}

/** Why a request must not reach the console's code, or undefined when it may. */
export function refuseRequest(request: GuardedRequest): Refusal | undefined {
  if (SAFE_METHODS.has(request.method) || request.pathname === WEBHOOK_PATH) return undefined;
  if (API_KEY_PREFIXES.some((prefix) => request.pathname.startsWith(prefix))) return bodySizeRefusal(request);
  return crossSiteRefusal(request) ?? bodySizeRefusal(request);
}
