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

/** `?for=<id>`: the control acts on one customer only (its customer user id or profile id). */
const scoped = (path: string, customer: string | undefined) =>
  customer === undefined ? path : `${path}?for=${encodeURIComponent(customer)}`;

/**
 * Given a customer (a customer user id or profile id), the request log and the faults are
 * that customer's alone: a test that works on its own customer can run beside others.
 * Without one they are the sandbox's global state, which only tests that run alone may
 * use (the security project, which runs serially after everything else).
 */
export const sandbox = {
  /** Back to the demo profiles, no faults, an empty log: for tests that run alone. */
  reset: () => control("POST", "reset"),
  clearRequests: (customer?: string) => control("DELETE", scoped("requests", customer)),
  requests: async (customer?: string) =>
    (await control<{ requests: ReceivedRequest[] }>("GET", scoped("requests", customer))).requests,
  /** Sets the faults (`{}` clears them); a customer's own faults replace the global ones for its requests. */
  faults: (faults: Record<string, unknown>, customer?: string) => control("POST", scoped("faults", customer), faults),
  clearFaults: (customer?: string) => control("DELETE", scoped("faults", customer)),
  /** A store event on a profile (a renewal, a refund…): its state changes and Adapty's webhooks go out. */
  simulate: (profileId: string, event: { type: string } & Record<string, unknown>) =>
    control<{ events: { event_type: string; event_properties: { profile_event_id: string } }[] }>(
      "POST",
      `profiles/${encodeURIComponent(profileId)}/events`,
      event,
    ),
  /** What the sandbox's webhook sender tried for one customer, each attempt with its answer. */
  deliveries: async (customer: string) =>
    (
      await control<{ deliveries: { event_type: string; attempt: number; status: number | null; outcome: string }[] }>(
        "GET",
        scoped("webhook/deliveries", customer),
      )
    ).deliveries,
};
