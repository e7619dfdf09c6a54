import "server-only";
import { z } from "zod";

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
        count: z.number().int().min(1).max(1000),
        status: z.number().int().min(400).max(599),
        errorCode: z.string().max(100).optional(),
        errors: z.array(z.object({ source: z.string().max(200).nullable(), errors: z.array(z.string().max(500)).max(10) })).max(20).optional(),
        /** Only requests with these methods fail (default: any). */
        methods: z.array(z.enum(["GET", "POST", "PATCH", "DELETE"])).optional(),
      })
      .optional(),
    /** Answer the next N requests with 429 and a Retry-After header, unprocessed. */
    rateLimitNext: z
      .object({
        count: z.number().int().min(1).max(1000),
        retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
        /** Send Retry-After as an HTTP date instead of seconds. */
        asHttpDate: z.boolean().default(false),
      })
      .optional(),
    /**
     * Close the connection without an answer for the next N requests: `before` the
     * request is processed (nothing changed), or `after` (changed, answer lost).
     */
    dropNext: z
      .object({ count: z.number().int().min(1).max(1000), when: z.enum(["before", "after"]).default("before") })
      .optional(),
    /** Never answer the next N requests (until the client gives up); unprocessed. */
    hangNext: z.object({ count: z.number().int().min(1).max(1000) }).optional(),
  })
  .strict();

export type Faults = z.infer<typeof faultsSchema>;

export type FaultAction =
  | { type: "fail"; status: number; errorCode?: string; errors?: { source: string | null; errors: string[] }[] }
  | { type: "rate-limit"; retryAfter: string }
  | { type: "drop"; when: "before" | "after" }
  | { type: "hang" };

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

  /** Takes the next fault for one request, most disruptive first, and uses it up. */
  take(now: number, method: string): FaultAction | undefined {
    const f = this.faults;
    if (f.hangNext) {
      f.hangNext = f.hangNext.count > 1 ? { count: f.hangNext.count - 1 } : undefined;
      return { type: "hang" };
    }
    if (f.dropNext) {
      const { when } = f.dropNext;
      f.dropNext = f.dropNext.count > 1 ? { ...f.dropNext, count: f.dropNext.count - 1 } : undefined;
      return { type: "drop", when };
    }
    if (f.rateLimitNext) {
      const { retryAfterSeconds, asHttpDate } = f.rateLimitNext;
      f.rateLimitNext = f.rateLimitNext.count > 1 ? { ...f.rateLimitNext, count: f.rateLimitNext.count - 1 } : undefined;
      const retryAfter = asHttpDate ? new Date(now + retryAfterSeconds * 1000).toUTCString() : String(retryAfterSeconds);
      return { type: "rate-limit", retryAfter };
    }
    if (f.failNext && (!f.failNext.methods || f.failNext.methods.includes(method as "GET"))) {
      const { status, errorCode, errors } = f.failNext;
      f.failNext = f.failNext.count > 1 ? { ...f.failNext, count: f.failNext.count - 1 } : undefined;
      return { type: "fail", status, errorCode, errors };
    }
    return undefined;
  }
}
