import "server-only";
import { DeliveryLog, type DeliveryAttempt } from "./delivery-log";
import type { WebhookEvent } from "./envelope";

// Delivers webhook events as Adapty does (shared/adapty/WEBHOOKS.md): one POST per event,
// the configured Authorization value unchanged, success for any status 200–404, and
// retries with exponential backoff for everything else.

export interface WebhookConfig {
  url: string | null;
  authorization: string | null;
  retryDelaysMs?: number[];
  /** How a request travels; global fetch by default, an in-process receiver in the console. */
  send?: (request: Request) => Promise<Response>;
}

export interface WebhookSenderOptions {
  /** Events to queue first whenever a (new) URL is configured: the demo history. */
  history?: () => WebhookEvent[];
  timeoutMs?: number;
  maxQueued?: number;
  maxLogged?: number;
}

export interface WebhookStatus {
  url: string | null;
  authorization_set: boolean;
  retryDelaysMs: number[];
  queued: number;
  delivered: number;
  failed: number;
}

export interface WebhookSender {
  enqueue: (events: WebhookEvent[]) => void;
  /** Changes the destination; `authorization`, `retryDelaysMs` and `send` left out stay as they are. */
  configure: (config: Partial<WebhookConfig> & Pick<WebhookConfig, "url">) => void;
  status: () => WebhookStatus;
  deliveries: (customer?: string) => DeliveryAttempt[];
  /** Forgets the log and the counters (not the configuration, not the queue). */
  clearLog: () => void;
  close: () => void;
}

/** Adapty's schedule: about a minute, doubling, nine retries (within its 24 hours). */
export const ADAPTY_RETRY_DELAYS_MS = Array.from({ length: 9 }, (_, i) => 60_000 * 2 ** i);
/** Adapty counts an attempt as failed after 10 seconds without an answer. */
const ANSWER_TIMEOUT_MS = 10_000;
/** Adapty drops an event not delivered within 24 hours of its creation. */
const MAX_EVENT_AGE_MS = 86_400_000;
/** Deliveries in flight at once, across profiles (one per profile at a time). */
const MAX_IN_FLIGHT = 8;

interface Pending {
  event: WebhookEvent;
  attempts: number;
  createdAt: number;
}

type Outcome = { ok: boolean; status: number | null; error: string | null };

export function createWebhookSender(initial: WebhookConfig, options: WebhookSenderOptions = {}): WebhookSender {
  const config: Required<WebhookConfig> = { retryDelaysMs: ADAPTY_RETRY_DELAYS_MS, send: fetch, ...initial };
  const timeoutMs = options.timeoutMs ?? ANSWER_TIMEOUT_MS;
  const maxQueued = options.maxQueued ?? 10_000;
  const log = new DeliveryLog(options.maxLogged);
  /** Per profile, oldest first: a profile's events go in order; others never wait behind them. */
  let queues = new Map<string, Pending[]>();
  /** Profiles whose head event is in flight or waiting for its retry. */
  const busy = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const counts = { queued: 0, delivered: 0, failed: 0 };
  let inFlight = 0;
  let closed = false;
  let overflowWarned = false;

  function add(events: WebhookEvent[], first: boolean): void {
    const incoming = new Map<string, Pending[]>();
    for (const event of events) {
      if (counts.queued >= maxQueued) {
        counts.failed += 1;
        if (!overflowWarned) console.warn(`Sandbox webhooks: queue full (${maxQueued}); dropping new events.`);
        overflowWarned = true;
        continue;
      }
      counts.queued += 1;
      const list = incoming.get(event.profile_id) ?? [];
      list.push({ event, attempts: 0, createdAt: Date.now() });
      incoming.set(event.profile_id, list);
    }
    queues = first ? prepend(incoming) : append(incoming);
    pump();
  }

  function append(incoming: Map<string, Pending[]>): Map<string, Pending[]> {
    for (const [profileId, list] of incoming) queues.set(profileId, [...(queues.get(profileId) ?? []), ...list]);
    return queues;
  }

  /** Before what waits, but never before an event already in flight (it stays the head). */
  function prepend(incoming: Map<string, Pending[]>): Map<string, Pending[]> {
    const merged = new Map<string, Pending[]>();
    for (const [profileId, list] of incoming) {
      const waiting = queues.get(profileId) ?? [];
      const head = busy.has(profileId) ? waiting.slice(0, 1) : [];
      merged.set(profileId, [...head, ...list, ...waiting.slice(head.length)]);
    }
    for (const [profileId, list] of queues) if (!merged.has(profileId)) merged.set(profileId, list);
    return merged;
  }

  /** The history to send first; a history that cannot be made is skipped, not thrown to the caller. */
  function historyOrNone(): WebhookEvent[] {
    try {
      return options.history?.() ?? [];
    } catch (error) {
      console.warn(`Sandbox webhooks: no demo history sent (${describe(error)}).`);
      return [];
    }
  }

  function pump(): void {
    if (closed || config.url === null) return;
    for (const [profileId, list] of queues) {
      if (inFlight >= MAX_IN_FLIGHT) return;
      const head = list[0];
      if (head && !busy.has(profileId)) void deliver(profileId, head);
    }
  }

  async function attempt(pending: Pending, url: string): Promise<Outcome> {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (config.authorization !== null) headers.Authorization = config.authorization;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const request = new Request(url, { method: "POST", headers, body: JSON.stringify(pending.event), signal });
      // The race also bounds an in-process `send` that ignores the signal.
      const response = await Promise.race([config.send(request), aborted(signal)]);
      response.body?.cancel().catch(() => undefined);
      return { ok: response.status >= 200 && response.status <= 404, status: response.status, error: null };
    } catch (error) {
      return { ok: false, status: null, error: signal.aborted ? `no answer within ${timeoutMs} ms` : describe(error) };
    }
  }

  async function deliver(profileId: string, pending: Pending): Promise<void> {
    const url = config.url;
    if (url === null) return;
    busy.add(profileId);
    inFlight += 1;
    pending.attempts += 1;
    const outcome = await attempt(pending, url);
    inFlight -= 1;
    const retries = config.retryDelaysMs;
    const tooOld = Date.now() - pending.createdAt > MAX_EVENT_AGE_MS;
    const giveUp = !outcome.ok && (pending.attempts > retries.length || tooOld);
    const result = outcome.ok ? "delivered" : giveUp ? "failed" : "retrying";
    log.add(pending.event, { time: new Date().toISOString(), attempt: pending.attempts, ...outcome, outcome: result });
    if (result === "retrying") {
      schedule(profileId, retries[pending.attempts - 1] ?? 0);
      pump();
      return;
    }
    if (giveUp) warnGaveUp(pending, outcome);
    finish(profileId, result === "delivered");
  }

  function finish(profileId: string, delivered: boolean): void {
    const list = queues.get(profileId) ?? [];
    list.shift();
    if (list.length === 0) queues.delete(profileId);
    counts.queued -= 1;
    if (delivered) counts.delivered += 1;
    else counts.failed += 1;
    busy.delete(profileId);
    pump();
  }

  function schedule(profileId: string, delayMs: number): void {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      busy.delete(profileId);
      pump();
    }, delayMs);
    timer.unref();
    timers.add(timer);
  }

  const sender: WebhookSender = {
    enqueue: (events) => add(events, false),
    configure(next) {
      const changed = next.url !== null && next.url !== config.url;
      config.url = next.url;
      if (next.authorization !== undefined) config.authorization = next.authorization;
      if (next.retryDelaysMs !== undefined) config.retryDelaysMs = next.retryDelaysMs;
      if (next.send !== undefined) config.send = next.send;
      if (changed) add(historyOrNone(), true);
      else pump();
    },
    status: () => ({
      url: config.url,
      authorization_set: config.authorization !== null,
      retryDelaysMs: [...config.retryDelaysMs],
      ...counts,
    }),
    deliveries: (customer) => log.list(customer),
    clearLog() {
      log.clear();
      counts.delivered = 0;
      counts.failed = 0;
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
  // Configured from the start (the CLI flag): the history goes first, as on any later configuration.
  if (config.url !== null) add(historyOrNone(), true);
  return sender;
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener("abort", () => reject(new Error("timeout")), { once: true }),
  );
}

/** A network error in a few words (the cause's code when fetch has one); never a header. */
function describe(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}

/** One line per event given up on; the Authorization value never appears. */
function warnGaveUp(pending: Pending, outcome: Outcome): void {
  const { event } = pending;
  const last = outcome.status !== null ? `status ${outcome.status}` : (outcome.error ?? "error");
  console.warn(
    `Sandbox webhooks: gave up on ${event.event_type} ${String(event.event_properties.profile_event_id)} for profile ${event.profile_id} after ${pending.attempts} attempts (last: ${last}).`,
  );
}
