import "server-only";

/**
 * The address a request came from, for the sign-in lockout and the audit trail.
 * `next start` puts the peer's address in X-Forwarded-For when the request has none; a
 * load balancer in front appends the address it saw. The last entry is therefore the one
 * the nearest trusted hop vouches for — earlier entries are whatever the client claimed.
 * Run the console behind a proxy that sets this header (docs/decisions.md). Bounded so
 * that a forged header cannot bloat rows.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return (forwarded || "unknown").slice(0, 64);
}
