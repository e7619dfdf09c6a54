import { getEmbeddedSandbox } from "@/server/adapty-sandbox/embedded";
import { getEnv } from "@/server/env";

// The built-in Adapty sandbox over HTTP, for curl and other clients, in sandbox mode only:
//   curl -H "Authorization: Api-Key sandbox" -H "adapty-customer-user-id: demo-active-renewing" \
//        http://localhost:3000/sandbox/adapty/api/v2/server-side-api/profile/
// It needs no staff session: like Adapty, it is authenticated by its own API key, and it
// only ever holds demo data. In live mode it does not exist.
export const dynamic = "force-dynamic";

const PREFIX = "/sandbox/adapty";

async function forward(request: Request): Promise<Response> {
  if (getEnv().mode !== "sandbox") {
    return Response.json({ error: "The Adapty sandbox is only available in sandbox mode." }, { status: 404 });
  }
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(PREFIX.length) || "/";
  const body = ["GET", "HEAD"].includes(request.method) ? undefined : await request.arrayBuffer();
  return getEmbeddedSandbox().handle(new Request(url, { method: request.method, headers: request.headers, body }));
}

export { forward as GET, forward as POST, forward as PATCH, forward as DELETE };
