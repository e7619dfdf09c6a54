import { getTimeZone } from "next-intl/server";
import { parseAuditFilters } from "@/lib/schemas/audit";
import { auditCsv } from "@/server/audit/csv";
import { streamAudit } from "@/server/audit/query";
import { requireStaff, StaffAccessError } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/**
 * GET /audit/export?<the audit page's filters> — the matching rows as CSV, streamed a
 * batch at a time as the client reads, so 100,000 rows never sit in memory together.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    await requireStaff("audit.read");
  } catch (error) {
    if (error instanceof StaffAccessError) {
      return Response.json({ error: error.refusal === "forbidden" ? "Your role does not allow this." : "Sign in first." }, { status: error.refusal === "forbidden" ? 403 : 401 });
    }
    throw error;
  }

  const { filters, invalid } = parseAuditFilters(new URL(request.url).searchParams);
  if (invalid.length > 0) {
    return Response.json({ error: `These filters are not valid: ${invalid.join(", ")}.` }, { status: 400 });
  }
  const batches = streamAudit(await getDb(), filters, await getTimeZone());
  const encoder = new TextEncoder();
  let first = true;

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (first) controller.enqueue(encoder.encode(auditCsv([], true)));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(auditCsv(next.value, first)));
      first = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
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
