import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { clientAddress } from "@/server/http/client-address";

export interface RequestContext {
  clientAddress: string;
  userAgent: string;
}

/** Anyone can send any user agent: enough of it to recognise a browser or a script, no more. */
export const boundedUserAgent = (all: Headers) => (all.get("user-agent") ?? "").slice(0, 256);

// Work the console does in the background on someone's behalf (a bulk batch's rows) has no
// request: its rows say so instead of an address.
const background = new AsyncLocalStorage<RequestContext>();

/** Runs background work whose audit rows carry `context` instead of a request's address. */
export const inBackground = <R>(context: RequestContext, run: () => Promise<R>): Promise<R> =>
  background.run(context, run);

/** Where a request came from, for its audit row; bounded so headers cannot bloat rows. */
export async function requestContext(): Promise<RequestContext> {
  const job = background.getStore();
  if (job) return job;
  const all = await headers();
  return { clientAddress: clientAddress(all), userAgent: boundedUserAgent(all) };
}
