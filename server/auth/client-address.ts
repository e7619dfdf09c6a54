import "server-only";

/**
 * The address a request came from. `next start` records the peer in X-Forwarded-For;
 * behind a load balancer the first entry is the client as the balancer saw it. Used for
 * the sign-in lockout and the audit trail, bounded so a forged header cannot bloat rows.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, 64);
}
