import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "@/server/http/client-address";

export interface RequestContext {
  clientAddress: string;
  userAgent: string;
}

/** Anyone can send any user agent: enough of it to recognise a browser or a script, no more. */
export const boundedUserAgent = (all: Headers) => (all.get("user-agent") ?? "").slice(0, 256);

/** Where a request came from, for its audit row; bounded so headers cannot bloat rows. */
export async function requestContext(): Promise<RequestContext> {
  const all = await headers();
  return { clientAddress: clientAddress(all), userAgent: boundedUserAgent(all) };
}
