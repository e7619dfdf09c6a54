import { staffForRoute } from "@/server/bulk/route-staff";
import { uploadBatch } from "@/server/bulk/upload";

export const dynamic = "force-dynamic";

/**
 * POST /bulk/upload (multipart: file, zone, reason, ticket, ratePerSecond, concurrency) — a
 * CSV becomes a draft batch, nothing sent. A route handler, not a server action: the file
 * may be 10 MB, and only this path takes a body that large (server/http/request-guard.ts).
 */
export async function POST(request: Request): Promise<Response> {
  const member = await staffForRoute("bulk.run");
  if ("refused" in member) return member.refused;
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ outcome: "refused", message: "BulkRun.errors.notAForm" }, { status: 400 });
  }
  const answer = await uploadBatch(member.staff, form);
  return Response.json(answer, { status: answer.outcome === "refused" ? 400 : 200 });
}
