import type { Message } from "@/lib/change/outcome";

// What one row of a bulk file asks for, once its cells are read and checked (lib/bulk/parse.ts).
// Shared by the upload (which stores it), the dry run and the job that sends it
// (server/bulk). Instants are ISO strings with an offset, like the single forms send.

/** The customer a row names: by Adapty's profile id, or by the app's own customer user id. */
export type CustomerRef = { profileId: string } | { customerUserId: string };

export type BulkRequest =
  | {
      action: "grant";
      customer: CustomerRef;
      accessLevelId: string;
      /** null: from the moment it is sent. */
      startsAt: string | null;
      /** null: lifetime access. */
      expiresAt: string | null;
      reason: string;
      ticket?: string;
    }
  | {
      action: "revoke";
      customer: CustomerRef;
      accessLevelId: string;
      /** null: at once. */
      revokeAt: string | null;
      reason: string;
      ticket?: string;
    };

/** One data row of the file: its line (the header is line 1), its cells, and the request or why there is none. */
export interface ParsedRow {
  line: number;
  cells: Record<string, string>;
  /** null when the row is invalid (then `problems` says why). */
  request: BulkRequest | null;
  problems: Message[];
  /** The earlier line naming the same customer and level, when this one repeats it. */
  duplicateOf?: number;
}

/** The batch-wide choices a file is read with. */
export interface BatchReading {
  /** IANA zone: dates without an offset and durations ("1m") are counted in it. */
  zone: string;
  /** For rows without their own reason and ticket. */
  reason: string;
  ticket?: string;
  /** Epoch ms: "now", for durations and for refusing a start in the past. */
  now: number;
}

export type ParsedFile = { ok: true; columns: string[]; rows: ParsedRow[] } | { ok: false; error: Message };

/** The largest file and the most rows one batch may have. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 50_000;

/** Which customer a row names, as one string (for duplicates, the result file and the audit filter). */
export const customerKey = (customer: CustomerRef) =>
  "profileId" in customer ? `profile:${customer.profileId}` : `user:${customer.customerUserId}`;

/**
 * Adapty requests one row makes: the read before the change and the change, and first a read
 * to find the customer when the row names them by customer user id. The batch's rate counts these.
 */
export const requestsOf = (request: Pick<BulkRequest, "customer">) => ("profileId" in request.customer ? 2 : 3);
export const MIN_REQUESTS_PER_ROW = 2;
