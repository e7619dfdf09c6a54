import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { components } from "@/lib/adapty/openapi-schema";
import { validateAgainst } from "@/server/adapty/openapi/spec";
import { ADAPTY_PATHS } from "@/server/adapty/paths";
import type { CustomAttribute, ProfileChanges } from "@/lib/adapty/types";
import { grant, revoke } from "./access-levels";
import { adaptyTime, parseAdaptyTime, toProfile, type StoredProfile } from "./model";
import { keyMatches, missingSelector, readBody, selector, UUID, type Selector } from "./request";
import { adaptyError, empty, json, notAuthenticated, profileNotFound, validationError } from "./responses";
import type { SandboxStore } from "./store";
import { toErrorEntries, validateProfileBody } from "./validation";
import type { WebhookEvent } from "./webhooks/envelope";
import { accessChangeEvents } from "./webhooks/properties";

type Schemas = components["schemas"];

export interface SandboxConfig {
  store: SandboxStore;
  apiKey: string;
  accessLevels: string[];
  /** Creating a customer user id that exists: Adapty does not say; see docs/sandbox.md. */
  onDuplicateCreate?: "return-existing" | "reject";
  now?: () => number;
  /**
   * The webhook events a change makes (grant and revoke: `access_level_updated`), handed
   * over for delivery so the handler stays Request → Response. Profile create, update and
   * delete make none: Adapty sends no events for those.
   */
  onEvents?: (events: WebhookEvent[]) => void;
}

export type SandboxHandler = (request: Request) => Promise<Response>;

/**
 * The Adapty server-side API v2 emulator: one Web `Request` → `Response` function,
 * mounted inside the console, under /sandbox/adapty over HTTP, and standalone.
 */
export function createSandboxHandler(config: SandboxConfig): SandboxHandler {
  const { store } = config;
  const now = config.now ?? Date.now;
  const knownLevels = new Set(config.accessLevels);

  /** With both headers, the profile id decides (Adapty documents nothing; docs/sandbox.md). */
  function find(user: Selector): StoredProfile | undefined {
    if (user.profileId !== undefined) return store.findByProfileId(user.profileId);
    if (user.customerUserId !== undefined) return store.findByCustomerUserId(user.customerUserId);
    return undefined;
  }

  const answer = (profile: StoredProfile) => json(200, { data: toProfile(profile, now()) });

  function unknownLevel(accessLevelId: string): Response | undefined {
    if (knownLevels.has(accessLevelId)) return undefined;
    return adaptyError(400, "paid_access_level_does_not_exist", [
      { source: "non_field_errors", errors: [`Paid access level \`${accessLevelId}\` does not exist`] },
    ]);
  }

  /**
   * What a create or update does to the stored profile: the fields sent replace those held,
   * the others stay; custom attributes merge by key, and an empty value removes its key.
   */
  function applyFields(profile: StoredProfile, body: ProfileChanges, time: number): StoredProfile {
    const { custom_attributes: attributes, installation_meta: installationMeta, ...fields } = body;
    const merged = new Map(profile.custom_attributes.map((attribute) => [attribute.key, attribute.value]));
    for (const { key, value } of attributes ?? []) {
      if (value === "") merged.delete(key);
      else merged.set(key, value);
    }
    return {
      ...profile,
      fields: { ...profile.fields, ...fields },
      installation_meta: installationMeta ?? profile.installation_meta,
      custom_attributes: [...merged].map(([key, value]): CustomAttribute => ({ key, value })),
      updated_at: adaptyTime(time),
    };
  }

  /** A create or update body, read and checked against the file (or the answer refusing it). */
  async function readProfileBody(
    request: Request,
  ): Promise<{ ok: true; body: ProfileChanges } | { ok: false; response: Response }> {
    const read = await readBody(request);
    if (!read.ok) return read;
    const problems = validateProfileBody(read.body ?? {});
    if (problems.length > 0) return { ok: false, response: validationError(problems) };
    return { ok: true, body: (read.body ?? {}) as ProfileChanges };
  }

  async function createProfile(request: Request, user: Selector): Promise<Response> {
    if (user.profileId === undefined && user.customerUserId === undefined) return missingSelector();
    const read = await readProfileBody(request);
    if (!read.ok) return read.response;
    const { body } = read;

    const time = now();
    const byCustomer = user.customerUserId !== undefined ? store.findByCustomerUserId(user.customerUserId) : undefined;
    if (user.profileId !== undefined) {
      // Both headers attach the customer user id to that profile (Adapty's documented use).
      const existing = store.findByProfileId(user.profileId);
      if (existing) {
        if (user.customerUserId === undefined || existing.customer_user_id === user.customerUserId)
          return answer(existing);
        if (byCustomer) {
          return validationError([
            { source: "adapty-customer-user-id", errors: ["This customer user id belongs to another profile."] },
          ]);
        }
        const attached = { ...existing, customer_user_id: user.customerUserId, updated_at: adaptyTime(time) };
        store.save(attached);
        return answer(attached);
      }
      if (!UUID.test(user.profileId)) {
        return validationError([{ source: "adapty-profile-id", errors: ["Must be a valid UUID."] }]);
      }
    }
    if (byCustomer) {
      if (config.onDuplicateCreate === "reject") {
        return adaptyError(409, "profile_already_exists", [
          { source: "adapty-customer-user-id", errors: ["Profile already exists"] },
        ]);
      }
      return answer(byCustomer);
    }

    const created = applyFields(
      {
        profile_id: user.profileId ?? randomUUID(),
        customer_user_id: user.customerUserId ?? null,
        total_revenue_usd: 0,
        segment_hash: randomBytes(8).toString("hex"),
        custom_attributes: [],
        access_levels: [],
        subscriptions: [],
        non_subscriptions: [],
        fields: {},
        installation_meta: null,
        created_at: adaptyTime(time),
        updated_at: adaptyTime(time),
      },
      body,
      time,
    );
    store.save(created);
    return answer(created);
  }

  async function updateProfile(request: Request, profile: StoredProfile): Promise<Response> {
    const read = await readProfileBody(request);
    if (!read.ok) return read.response;
    const { body } = read;
    const updated = applyFields(profile, body, now());
    if (updated.custom_attributes.length > 30) {
      return validationError([
        { source: "custom_attributes", errors: ["Ensure this field has no more than 30 elements."] },
      ]);
    }
    store.save(updated);
    return answer(updated);
  }

  /** Grant and revoke: the body checked against the file, the level known, the change applied by its rules. */
  async function changeAccess<Name extends "GrantAccessRequest" | "RevokeAccessRequest">(
    request: Request,
    profile: StoredProfile,
    schema: Name,
    apply: (body: Schemas[Name], time: number) => ReturnType<typeof grant>,
  ): Promise<Response> {
    const read = await readBody(request);
    if (!read.ok) return read.response;
    const checked = validateAgainst(schema, read.body ?? {});
    if (!checked.ok) return validationError(toErrorEntries(checked.issues));
    const refusal = unknownLevel(checked.value.access_level_id);
    if (refusal) return refusal;
    const time = now();
    const outcome = apply(checked.value, time);
    if (!outcome.ok) return adaptyError(400, outcome.errorCode, outcome.errors);
    const updated = { ...profile, access_levels: outcome.levels, updated_at: adaptyTime(time) };
    store.save(updated);
    config.onEvents?.(accessChangeEvents(updated, checked.value.access_level_id, time));
    return answer(updated);
  }

  const grantAccess = (request: Request, profile: StoredProfile) =>
    changeAccess(request, profile, "GrantAccessRequest", (body, time) =>
      grant(
        profile.access_levels,
        {
          accessLevelId: body.access_level_id,
          startsAt: body.starts_at ? parseAdaptyTime(body.starts_at) : null,
          expiresAt: body.expires_at ? parseAdaptyTime(body.expires_at) : null,
        },
        time,
      ),
    );

  const revokeAccess = (request: Request, profile: StoredProfile) =>
    changeAccess(request, profile, "RevokeAccessRequest", (body, time) =>
      revoke(
        profile.access_levels,
        { accessLevelId: body.access_level_id, revokeAt: body.revoke_at ? parseAdaptyTime(body.revoke_at) : null },
        profile.profile_id,
        time,
      ),
    );

  return async function handle(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const route = Object.entries(ADAPTY_PATHS).find(([, path]) => path === pathname)?.[0];
    if (!route) return adaptyError(404, "not_found", [{ source: null, errors: ["Not found."] }]);
    const allowed = route === "profile" ? ["GET", "POST", "PATCH", "DELETE"] : ["POST"];
    if (!allowed.includes(request.method)) {
      return adaptyError(
        405,
        "method_not_allowed",
        [{ source: null, errors: [`Method "${request.method}" not allowed.`] }],
        {
          Allow: allowed.join(", "),
        },
      );
    }

    const authorization = request.headers.get("authorization");
    if (!authorization) return notAuthenticated("Authentication credentials were not provided.");
    const [scheme, key] = authorization.split(" ", 2);
    if (scheme !== "Api-Key" || !key || !keyMatches(key, config.apiKey)) {
      return notAuthenticated("Incorrect authentication credentials.");
    }

    const user = selector(request);
    if (route === "profile" && request.method === "POST") return createProfile(request, user);
    if (user.profileId === undefined && user.customerUserId === undefined) return missingSelector();
    const profile = find(user);
    if (!profile) return profileNotFound();

    if (route === "grant") return grantAccess(request, profile);
    if (route === "revoke") return revokeAccess(request, profile);
    if (request.method === "GET") return answer(profile);
    if (request.method === "PATCH") return updateProfile(request, profile);
    store.delete(profile.profile_id);
    return empty(204);
  };
}
