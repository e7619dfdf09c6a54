import "server-only";
import { z } from "zod";

const count = z.number().int().min(1).max(1000);
/** Only requests with these methods take the fault (default: any); others pass untouched. */
const methods = z.array(z.enum(["GET", "POST", "PATCH", "DELETE"])).optional();

/**
 * Faults to inject, for resilience tests and for showing trainees what the console does
 * when Adapty misbehaves. Each "next N" fault is used up by the next N API requests.
 */
export const faultsSchema = z
  .object({
    /** Added before every API request is handled (the request is still processed). */
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    /**
     * Answer the next N requests with this status and an Adapty error body, unprocessed;
     * `errorCode` and `errors` (Adapty's `{source, errors}` entries) shape that body.
     */
    failNext: z
      .object({
        count,
        status: z.number().int().min(400).max(599),
        errorCode: z.string().max(100).optional(),
        errors: z
          .array(z.object({ source: z.string().max(200).nullable(), errors: z.array(z.string().max(500)).max(10) }))
          .max(20)
          .optional(),
        methods,
      })
      .optional(),
    /** Answer the next N requests with 429 and a Retry-After header, unprocessed. */
    rateLimitNext: z
      .object({
        count,
        retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
        /** Send Retry-After as an HTTP date instead of seconds. */
        asHttpDate: z.boolean().default(false),
        methods,
      })
      .optional(),
    /**
     * Close the connection without an answer for the next N requests: `before` the
     * request is processed (nothing changed), or `after` (changed, answer lost).
     */
    dropNext: z.object({ count, when: z.enum(["before", "after"]).default("before"), methods }).optional(),
    /** Never answer the next N requests (until the client gives up); unprocessed. */
    hangNext: z.object({ count, methods }).optional(),
    /** Process the next N requests only after this delay: a slow answer that still arrives (or a timeout). */
    delayNext: z.object({ count, ms: z.number().int().min(1).max(120_000), methods }).optional(),
  })
  .strict();

export type Faults = z.infer<typeof faultsSchema>;

export type FaultAction =
  | { type: "fail"; status: number; errorCode?: string; errors?: { source: string | null; errors: string[] }[] }
  | { type: "rate-limit"; retryAfter: string }
  | { type: "drop"; when: "before" | "after" }
  | { type: "hang" }
  | { type: "delay"; ms: number };

type NextFault = "hangNext" | "dropNext" | "delayNext" | "rateLimitNext" | "failNext";

export class FaultPlan {
  private faults: Faults = faultsSchema.parse({});

  get current(): Faults {
    return this.faults;
  }

  set(faults: Faults): void {
    this.faults = faults;
  }

  clear(): void {
    this.faults = faultsSchema.parse({});
  }

  /** Uses up one of a "next N" fault when it applies to this method; its settings, or undefined. */
  private use<K extends NextFault>(name: K, method: string): NonNullable<Faults[K]> | undefined {
    const fault = this.faults[name];
    if (!fault || (fault.methods && !fault.methods.includes(method as "GET"))) return undefined;
    this.faults[name] = fault.count > 1 ? { ...fault, count: fault.count - 1 } : undefined;
    return fault;
  }

  /** Takes the next fault for one request, most disruptive first, and uses it up. */
  take(now: number, method: string): FaultAction | undefined {
    if (this.use("hangNext", method)) return { type: "hang" };
    const drop = this.use("dropNext", method);
    if (drop) return { type: "drop", when: drop.when };
    const delay = this.use("delayNext", method);
    if (delay) return { type: "delay", ms: delay.ms };
    const rateLimit = this.use("rateLimitNext", method);
    if (rateLimit) {
      const { retryAfterSeconds, asHttpDate } = rateLimit;
      const retryAfter = asHttpDate
        ? new Date(now + retryAfterSeconds * 1000).toUTCString()
        : String(retryAfterSeconds);
      return { type: "rate-limit", retryAfter };
    }
    const fail = this.use("failNext", method);
    if (fail) return { type: "fail", status: fail.status, errorCode: fail.errorCode, errors: fail.errors };
    return undefined;
  }
}
