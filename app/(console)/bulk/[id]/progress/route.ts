import { loadBatch } from "@/server/bulk/read";
import { forBatch, noSuchBatch } from "@/server/bulk/route-staff";

export const dynamic = "force-dynamic";

/** GET /bulk/<id>/progress — the batch as its page shows it, polled while it runs. */
export const GET = (_request: Request, { params }: { params: Promise<{ id: string }> }) =>
  forBatch(params, async (staff, batch) => {
    const detail = await loadBatch(batch.id, staff);
    return detail ? Response.json(detail, { headers: { "Cache-Control": "no-store" } }) : noSuchBatch();
  });
