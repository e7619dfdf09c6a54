import { receiveWebhook } from "@/server/webhooks/receive";

// Adapty's webhook integration posts here, server to server: no session, no Origin, only
// the Authorization value configured in Adapty's dashboard (proxy.ts lets it through on
// that alone; server/webhooks/receive.ts checks it).
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return receiveWebhook(request);
}
