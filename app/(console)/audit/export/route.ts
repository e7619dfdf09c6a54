import { getTimeZone } from "next-intl/server";
import { parseAuditFilters } from "@/lib/audit/filters";
import { auditCsv } from "@/server/audit/csv";
import { exportPacer } from "@/server/audit/export-pace";
import { EXPORT_REFUSALS, EXPORT_RETRY_AFTER_SECONDS, exportSlots } from "@/server/audit/export-slots";
import { exportStream } from "@/server/audit/export-stream";
import { streamAudit } from "@/server/audit/query";
import { requireStaff, StaffAccessError } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/**
 * Rows per batch: a batch is turned into CSV in one go, which holds the event loop for as
 * long as it takes — about 2 ms for 250 rows of ~1 kB, but 19 ms for 1,000 (garbage
 * collection grows with the batch), and agents' requests wait behind it.
 */
const EXPORT_BATCH_ROWS = 250;

/**
 * GET /audit/export?<the audit page's filters> — the matching rows as CSV, streamed a
 * batch at a time as the client reads, so 100,000 rows never sit in memory together;
 * paced, and limited to one per person and two per console process (server/audit/export-*.ts).
 */
export async function GET(request: Request): Promise<Response> {
  let staff;
  try {
    staff = await requireStaff("audit.read");
  } catch (error) {
    if (error instanceof StaffAccessError) {
      return Response.json(
        { error: error.refusal === "forbidden" ? "Your role does not allow this." : "Sign in first." },
        { status: error.refusal === "forbidden" ? 403 : 401 },
      );
    }
    throw error;
  }

  const { filters, invalid } = parseAuditFilters(new URL(request.url).searchParams);
  if (invalid.length > 0) {
    return Response.json({ error: `These filters are not valid: ${invalid.join(", ")}.` }, { status: 400 });
  }
  const db = await getDb();
  const timeZone = await getTimeZone();
  const slot = exportSlots().take(staff.id);
  if (typeof slot === "string") {
    return Response.json(
      { error: EXPORT_REFUSALS[slot] },
      { status: 429, headers: { "Retry-After": String(EXPORT_RETRY_AFTER_SECONDS) } },
    );
  }
  const body = exportStream({
    batches: streamAudit(db, filters, timeZone, EXPORT_BATCH_ROWS),
    render: auditCsv,
    slot,
    pacer: exportPacer(),
    signal: request.signal,
  });

  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
