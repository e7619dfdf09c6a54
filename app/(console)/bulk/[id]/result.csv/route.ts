import { getTranslations } from "next-intl/server";
import type { Message } from "@/lib/change/outcome";
import { getDb } from "@/server/db";
import { findBatch } from "@/server/bulk/store";
import { resultCsv } from "@/server/bulk/result-csv";
import { isBatchId, staffForRoute } from "@/server/bulk/route-staff";
import { batchColumns } from "@/server/bulk/columns";

export const dynamic = "force-dynamic";

/** GET /bulk/<id>/result.csv — the uploaded file with each row's outcome, streamed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const member = await staffForRoute("bulk.run");
  if ("refused" in member) return member.refused;
  const { id } = await params;
  const db = await getDb();
  const batch = isBatchId(id) ? await findBatch(db, id) : undefined;
  if (!batch) return Response.json({ outcome: "refused", message: "BulkRun.notFoundBatch" }, { status: 404 });
  const t = await getTranslations();
  const translate = (message: Message) => {
    const key = (typeof message === "string" ? message : message.key) as "ActionErrors.unexpected";
    return t.has(key) ? t(key, typeof message === "string" ? undefined : message.values) : key;
  };
  const lines = resultCsv(db, id, await batchColumns(db, id), translate);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const name = `${batch.fileName
    .replace(/\.csv$/i, "")
    .replace(/[^\w.-]+/g, "_")
    .slice(0, 80)}-result.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
