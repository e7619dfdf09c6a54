import "server-only";
import { headers } from "next/headers";
import { clientAddress } from "@/server/auth/client-address";

export interface RequestContext {
  clientAddress: string;
  userAgent: string;
}

/** Where a request came from, for its audit row; bounded so headers cannot bloat rows. */
export async function requestContext(): Promise<RequestContext> {
  const all = await headers();
  return { clientAddress: clientAddress(all), userAgent: (all.get("user-agent") ?? "").slice(0, 300) };
}
