import { NextResponse, type NextRequest } from "next/server";
import { CONSOLE_PATH_HEADER } from "@/server/auth/request-headers";
import { getEnv } from "@/server/env";
import { refuseActionBody } from "@/server/http/action-body-guard";
import { refuseRequest, WEBHOOK_PATH, type Refusal } from "@/server/http/request-guard";

// Runs before every page and route: refuses cross-site and oversized change requests
// (server/http/request-guard.ts) and server-action bodies React's decoder would fail on
// (server/http/action-body-guard.ts), sets the security headers that depend on the request
// (a fresh CSP nonce) or on the mode (HSTS in live mode), and sends a visitor without a
// session cookie to sign-in early. That redirect is a convenience only: every page,
// action and route handler checks the staff member itself (server/auth/require-staff.ts).

const PUBLIC_PREFIXES = ["/sign-in", "/api/auth/", "/api/health", "/sandbox/adapty/", WEBHOOK_PATH];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function contentSecurityPolicy(nonce: string): string {
  const development = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
}

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (getEnv().mode === "live")
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

function isMalformed(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

function refuse(refusal: Refusal): NextResponse {
  return new NextResponse(refusal.message, {
    status: refusal.status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A lone "%" cannot be decoded; say so plainly instead of letting routing fail with a 500.
  if (isMalformed(pathname)) {
    return new NextResponse(
      "This address is malformed: a % must be followed by two hexadecimal digits (write %25 for a percent sign).",
      {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      },
    );
  }
  const refusal = refuseRequest({
    method: request.method,
    pathname,
    headers: request.headers,
    publicOrigin: getEnv().publicOrigin,
  });
  if (refusal) {
    console.warn(refusal.log);
    // Take the rest of the upload before answering: a client cut off mid-upload makes Node
    // report an uncaught "aborted". Next.js hands this function at most 10 MB of a body
    // (proxyClientMaxBodySize), and a sender that stalls gets two seconds; nothing is used.
    await Promise.race([
      request.arrayBuffer().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]);
    return refuse(refusal);
  }
  // Within the size limit now, so reading the body here is cheap; Next.js keeps a copy of
  // it for the action, and this check reads it completely whenever it refuses.
  const bodyRefusal = await refuseActionBody(request);
  if (bodyRefusal) {
    console.warn(bodyRefusal.log);
    return refuse(bodyRefusal);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);

  const isPublic = PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
  if (!isPublic && (request.method === "GET" || request.method === "HEAD") && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(signIn), csp);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp); // Next.js puts the nonce on its scripts
  requestHeaders.set(CONSOLE_PATH_HEADER, `${pathname}${search}`.slice(0, 2_000));
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  // Everything but Next.js's own static files and the icon, matched exactly: a look-alike
  // path ("/favicon.icoX") still goes through the checks above.
  matcher: ["/((?!_next/static/|_next/image/|favicon\\.ico$).*)"],
};
