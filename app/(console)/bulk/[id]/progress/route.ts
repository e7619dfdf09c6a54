import { loadBatch } from "@/server/bulk/read";
import { isBatchId, staffForRoute } from "@/server/bulk/route-staff";

export const dynamic = "force-dynamic";

/** GET /bulk/<id>/progress — the batch as its page shows it, polled while it runs. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const member = await staffForRoute("bulk.run");
  if ("refused" in member) return member.refused;
  const { id } = await params;
  const batch = isBatchId(id) ? await loadBatch(id, member.staff) : null;
  if (!batch) return Response.json({ outcome: "refused", message: "BulkRun.notFoundBatch" }, { status: 404 });
  return Response.json(batch, { headers: { "Cache-Control": "no-store" } });
}
