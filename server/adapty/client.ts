import "server-only";
import { randomUUID } from "node:crypto";
import { AdaptyError, kindForStatus, parseErrorBody } from "./errors";
import { validateAgainst } from "./openapi/spec";
import { ADAPTY_PATHS, toAdaptyDateTime } from "./paths";
import { userHeaders } from "./user-headers";
import { backoffDelay, certainlyNotSent, isTimeout, parseRetryAfter } from "./retry";
import type {
  AdaptyAnswer,
  AdaptyPlatform,
  CreateUserRef,
  GrantRequest,
  Profile,
  ProfileChanges,
  ProfileFields,
  RevokeRequest,
  UserRef,
} from "@/lib/adapty/types";

export interface AdaptyClientOptions {
  apiUrl: string;
  secretKey: string;
  /** Limit of one attempt. */
  timeoutMs: number;
  /** Limit of all attempts and waits together; default 2.5 × timeoutMs. */
  totalBudgetMs?: number;
  maxAttempts?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

interface Call {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  headers: Record<string, string>;
  body?: unknown;
  /** 204 and nothing else for delete; a ProfileResponse for everything else. */
  expect: "profile" | "empty";
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * The one way the console talks to Adapty's server-side API v2. Reads are retried on
 * timeouts, 429, 502–504 and connection failures; a change is retried only when it
 * certainly did not reach Adapty (429, or a connection that was never made), so a grant
 * is never applied twice.
 */
export function createAdaptyClient(options: AdaptyClientOptions) {
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxAttempts ?? 4;
  const totalBudgetMs = options.totalBudgetMs ?? Math.round(options.timeoutMs * 2.5);
  const baseUrl = options.apiUrl.replace(/\/+$/, "");

  async function attempt(
    call: Call,
    timeoutMs: number,
  ): Promise<AdaptyAnswer<unknown> | { retry: true; error: AdaptyError }> {
    const isRead = call.method === "GET";
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(baseUrl + call.path, {
        method: call.method,
        headers: {
          Authorization: `Api-Key ${options.secretKey}`,
          Accept: "application/json",
          ...(call.body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...call.headers,
        },
        body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        cache: "no-store",
        redirect: "error",
      });
      text = await response.text();
    } catch (cause) {
      if (isTimeout(cause)) {
        const error = new AdaptyError(`Adapty did not answer within ${timeoutMs} ms.`, {
          kind: "timeout",
          outcomeUnknown: !isRead,
        });
        if (isRead) return { retry: true, error };
        throw error;
      }
      const notSent = certainlyNotSent(cause);
      const error = new AdaptyError("Could not reach Adapty: the connection failed.", {
        kind: "unavailable",
        outcomeUnknown: !isRead && !notSent,
      });
      if (isRead || notSent) return { retry: true, error };
      throw error;
    }

    const requestId = response.headers.get("request-id") ?? response.headers.get("x-request-id") ?? undefined;
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }

    if (response.ok) {
      return {
        value: checkShape(call, response.status, json, text, requestId),
        status: response.status,
        requestId,
        attempts: 0,
      };
    }

    const parsed = parseErrorBody(json);
    const error = new AdaptyError(
      `Adapty answered ${response.status}${parsed.errorCode ? ` ${parsed.errorCode}` : ""}.`,
      {
        kind: kindForStatus(response.status),
        status: response.status,
        errorCode: parsed.errorCode,
        requestId,
        fieldErrors: parsed.fieldErrors,
        formErrors: parsed.formErrors,
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now()),
        // A gateway error or timeout means Adapty may still have applied the change behind it.
        outcomeUnknown: !isRead && (response.status === 502 || response.status === 504),
      },
    );
    if (RETRYABLE_STATUSES.has(response.status) && (isRead || response.status === 429)) return { retry: true, error };
    throw error;
  }

  function checkShape(call: Call, status: number, json: unknown, text: string, requestId: string | undefined): unknown {
    if (call.expect === "empty") {
      if (status === 204 || text.trim() === "") return undefined;
    } else {
      const result = validateAgainst("ProfileResponse", json);
      if (result.ok) return result.value.data;
    }
    throw new AdaptyError(`Adapty answered ${status} with a body that does not match its OpenAPI description.`, {
      kind: "unexpected_response",
      status,
      requestId,
      // The change was accepted (2xx) even though the answer is unreadable.
      outcomeUnknown: call.method !== "GET",
    });
  }

  async function send<T>(call: Call): Promise<AdaptyAnswer<T>> {
    const deadline = now() + totalBudgetMs;
    let lastError: AdaptyError | undefined;
    for (let attemptNumber = 1; attemptNumber <= maxAttempts; attemptNumber++) {
      const remaining = deadline - now();
      if (remaining <= 0) break;
      // A change is only ever sent with its full time limit: a short one would turn a
      // slow success into an unknown outcome.
      if (call.method !== "GET" && attemptNumber > 1 && remaining < options.timeoutMs) break;
      const result = await attempt(call, Math.min(options.timeoutMs, remaining));
      if (!("retry" in result)) return { ...result, value: result.value as T, attempts: attemptNumber };
      lastError = result.error;
      if (attemptNumber === maxAttempts) break;
      const delay = Math.max(backoffDelay(attemptNumber, random), lastError.retryAfterMs ?? 0);
      if (now() + delay >= deadline) break; // Adapty asks for longer than we may wait
      await sleep(delay);
    }
    throw lastError ?? new AdaptyError("Adapty did not answer in time.", { kind: "timeout" });
  }

  // Async so that input refused before sending rejects like any other failure.
  return {
    async getProfile(user: UserRef) {
      return send<Profile>({
        method: "GET",
        path: ADAPTY_PATHS.profile,
        headers: userHeaders(user),
        expect: "profile",
      });
    },

    /** The file requires installation details: without any, a new device id is all of them. */
    async createProfile(user: CreateUserRef, fields: ProfileFields = {}, platform?: AdaptyPlatform) {
      return send<Profile>({
        method: "POST",
        path: ADAPTY_PATHS.profile,
        headers: { ...userHeaders(user), ...(platform ? { "adapty-platform": platform } : {}) },
        body: { ...fields, installation_meta: fields.installation_meta ?? { device_id: randomUUID() } },
        expect: "profile",
      });
    },

    async updateProfile(user: UserRef, changes: ProfileChanges) {
      return send<Profile>({
        method: "PATCH",
        path: ADAPTY_PATHS.profile,
        headers: userHeaders(user),
        body: changes,
        expect: "profile",
      });
    },

    async deleteProfile(user: UserRef) {
      return send<undefined>({
        method: "DELETE",
        path: ADAPTY_PATHS.profile,
        headers: userHeaders(user),
        expect: "empty",
      });
    },

    async grantAccessLevel(user: UserRef, grant: GrantRequest) {
      return send<Profile>({
        method: "POST",
        path: ADAPTY_PATHS.grant,
        headers: userHeaders(user),
        body: {
          access_level_id: grant.accessLevelId,
          ...(grant.startsAt ? { starts_at: toAdaptyDateTime(grant.startsAt) } : {}),
          expires_at: grant.expiresAt ? toAdaptyDateTime(grant.expiresAt) : null,
        },
        expect: "profile",
      });
    },

    async revokeAccessLevel(user: UserRef, revoke: RevokeRequest) {
      return send<Profile>({
        method: "POST",
        path: ADAPTY_PATHS.revoke,
        headers: userHeaders(user),
        body: {
          access_level_id: revoke.accessLevelId,
          ...(revoke.revokeAt ? { revoke_at: toAdaptyDateTime(revoke.revokeAt) } : {}),
        },
        expect: "profile",
      });
    },
  };
}

export type AdaptyClient = ReturnType<typeof createAdaptyClient>;
