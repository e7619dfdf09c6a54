import { SANDBOX_KEY, SANDBOX_URL } from "./servers";
import { sandbox } from "./sandbox";

/** A customer made for one test: its customer user id and the profile id the sandbox gave it. */
export interface FreshProfile {
  customerUserId: string;
  profileId: string;
}

/** The seeded demo customers (server/adapty-sandbox/seed.ts) a fresh profile can be a copy of. */
export type DemoCustomer =
  | "demo-no-access"
  | "demo-active-renewing"
  | "demo-renewal-cancelled"
  | "demo-grace-period"
  | "demo-billing-issue"
  | "demo-expired"
  | "demo-lifetime"
  | "demo-scheduled"
  | "demo-multi-level"
  | "demo-purchases"
  | "demo-thirty-attributes";

export interface ProfileState {
  /**
   * Start as a copy of this demo customer (its access levels, subscriptions, purchases,
   * attributes and fields; times relative to now), for states Adapty's API cannot make:
   * a store subscription, a billing issue, a grace period, purchases.
   */
  like?: DemoCustomer;
  /** Access levels granted through Adapty's API after creating (times as ISO strings; no expiry is lifetime). */
  grants?: { accessLevelId: string; startsAt?: string; expiresAt?: string | null }[];
}

const API = `${SANDBOX_URL}/api/v2/server-side-api`;
/** Ids travel in headers as their UTF-8 bytes, as the console sends them (server/adapty/paths.ts). */
const header = (id: string) => Buffer.from(id, "utf8").toString("latin1");

/** A POST to Adapty's API on the sandbox, as another tool (or another tab of the console) would make it. */
export async function sandboxApi(path: string, customerUserId: string, body: unknown): Promise<{ profile_id: string }> {
  const response = await fetch(`${API}${path}`, {
    method: "POST",
    headers: {
      Authorization: `Api-Key ${SANDBOX_KEY}`,
      "adapty-customer-user-id": header(customerUserId),
      "Content-Type": "application/json",
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path} for ${customerUserId} answered ${response.status}`);
  return ((await response.json()) as { data: { profile_id: string } }).data;
}

/**
 * Creates a customer in the standalone sandbox — through Adapty's own API, or as a copy
 * of a demo customer — and forgets the requests that made it, so the customer's request
 * log holds only what the test itself causes.
 */
export async function createSandboxProfile(customerUserId: string, state: ProfileState = {}): Promise<FreshProfile> {
  let profileId: string;
  if (state.like) {
    const response = await fetch(`${SANDBOX_URL}/__sandbox/profiles`, {
      method: "POST",
      headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ customer_user_id: customerUserId, like: state.like }),
    });
    if (response.status !== 201) throw new Error(`copying ${state.like} answered ${response.status}`);
    profileId = ((await response.json()) as { profile_id: string }).profile_id;
  } else {
    // Adapty's file requires installation details on create, and the sandbox holds to it.
    const body = { installation_meta: { device_id: crypto.randomUUID() } };
    profileId = (await sandboxApi("/profile/", customerUserId, body)).profile_id;
  }
  for (const grant of state.grants ?? []) {
    await sandboxApi("/purchase/profile/grant/access-level/", customerUserId, {
      access_level_id: grant.accessLevelId,
      ...(grant.startsAt ? { starts_at: grant.startsAt } : {}),
      expires_at: grant.expiresAt ?? null,
    });
  }
  await sandbox.clearRequests(customerUserId);
  return { customerUserId, profileId };
}

/** Whether the sandbox holds a profile for this customer user id. */
export async function sandboxHas(customerUserId: string): Promise<boolean> {
  const response = await fetch(`${API}/profile/`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}`, "adapty-customer-user-id": header(customerUserId) },
  });
  return response.status === 200;
}

/** What the standalone sandbox stores for a profile: the truth a grant or revoke is checked against. */
export async function storedAccessLevel(profileId: string, accessLevelId: string) {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/profiles/${profileId}`, {
    headers: { Authorization: `Api-Key ${SANDBOX_KEY}` },
  });
  const stored = (await response.json()) as {
    access_levels: { access_level_id: string; starts_at: string | null; expires_at: string | null }[];
  };
  return stored.access_levels.find((level) => level.access_level_id === accessLevelId);
}

/**
 * A time as the console shows it in UTC to the tests' en-GB browser ("22 Dec 2026, 03:12"),
 * for comparing with what was stored.
 */
export function utcText(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  return new Intl.DateTimeFormat(E2E_BROWSER_LOCALE, {
    timeZone: "UTC",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}

/** The browsers' language in playwright.config.ts: English words, British dates and 24-hour clock. */
export const E2E_BROWSER_LOCALE = "en-GB";
