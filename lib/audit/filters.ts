import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "@/lib/audit/actions";

// The audit log's filters, as they travel in the page's and the export's query string.
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export const auditFilterFields = {
  actor: z.string().trim().min(1).max(320),
  action: z.enum(AUDIT_ACTIONS),
  user: z.string().trim().min(1).max(500),
  outcome: z.enum(AUDIT_OUTCOMES),
  /** "only": changes alone, without views, sign-ins and denials. */
  changes: z.literal("only"),
  /** A bulk batch: its own rows (started, paused…) and every row it sent. */
  batch: z.uuid(),
  /** Wall-clock times in the agent's zone, as a datetime-local field gives them. */
  from: z.string().regex(LOCAL_DATE_TIME),
  to: z.string().regex(LOCAL_DATE_TIME),
  /** Keyset cursor: rows older than this id. */
  before: z.coerce.number().int().positive(),
} as const;

export type AuditFilterName = keyof typeof auditFilterFields;
export type AuditFilters = { [K in AuditFilterName]?: z.output<(typeof auditFilterFields)[K]> };

/** Reads the filters from a query string; a bad value is dropped and named, never fatal. */
export function parseAuditFilters(params: URLSearchParams): { filters: AuditFilters; invalid: AuditFilterName[] } {
  const filters: Record<string, unknown> = {};
  const invalid: AuditFilterName[] = [];
  for (const name of Object.keys(auditFilterFields) as AuditFilterName[]) {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") continue;
    const parsed = auditFilterFields[name].safeParse(raw);
    if (parsed.success) filters[name] = parsed.data;
    else invalid.push(name);
  }
  return { filters: filters, invalid };
}
