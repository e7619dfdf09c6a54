import "server-only";
import type { WebhookEvent } from "./envelope";

/** One delivery attempt, as `GET /__sandbox/webhook/deliveries` lists it. Never the Authorization value. */
export interface DeliveryAttempt {
  time: string;
  event_id: string;
  profile_id: string;
  customer_user_id: string | null;
  event_type: string;
  attempt: number;
  status: number | null;
  error: string | null;
  outcome: "delivered" | "retrying" | "failed";
}

const DEFAULT_MAX_ATTEMPTS_LOGGED = 10_000;

/** The last attempts, oldest first, bounded so that a long-running sandbox does not grow without end. */
export class DeliveryLog {
  private entries: DeliveryAttempt[] = [];

  constructor(private readonly limit = DEFAULT_MAX_ATTEMPTS_LOGGED) {}

  add(
    event: WebhookEvent,
    attempt: Omit<DeliveryAttempt, "event_id" | "profile_id" | "customer_user_id" | "event_type">,
  ) {
    this.entries.push({
      ...attempt,
      event_id: String(event.event_properties.profile_event_id),
      profile_id: event.profile_id,
      customer_user_id: event.customer_user_id,
      event_type: event.event_type,
    });
    // Trim in batches: slicing on every push would copy the whole log each time.
    if (this.entries.length > this.limit * 1.1) this.entries = this.entries.slice(-this.limit);
  }

  /** All attempts, or those about one customer (its profile id or customer user id). */
  list(customer?: string): DeliveryAttempt[] {
    const recent = this.entries.slice(-this.limit);
    if (customer === undefined) return recent;
    return recent.filter((entry) => entry.profile_id === customer || entry.customer_user_id === customer);
  }

  clear(): void {
    this.entries = [];
  }
}
