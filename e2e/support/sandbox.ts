import type { ReceivedRequest } from "../../server/adapty-sandbox/standalone";
import { SANDBOX_KEY, SANDBOX_URL } from "./servers";

/** The standalone sandbox's controls: what reached "Adapty", reset, faults. */
async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/${path}`, {
    method,
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox control ${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export const sandbox = {
  reset: () => control("POST", "reset"),
  clearRequests: () => control("DELETE", "requests"),
  requests: async () => (await control<{ requests: ReceivedRequest[] }>("GET", "requests")).requests,
  faults: (faults: Record<string, unknown>) => control("POST", "faults", faults),
};
