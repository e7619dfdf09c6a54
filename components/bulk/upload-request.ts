import type { ActionResult } from "@/lib/change/action";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { uploadBody, type UploadRequest } from "@/lib/bulk/upload-form";

export type UploadAnswer = ActionResult<ChangeOutcome<{ batchId: string }>>;

/**
 * Sends the file to POST /bulk/upload (a route, not a server action: an action's body is
 * too small for 10 MB) and hands its answer back in an action's shape, so the form shows it
 * with useChangeOutcome like every other change. A connection that fails, or an answer
 * that is not the route's JSON, says so rather than nothing.
 */
export async function uploadBatch(request: UploadRequest & { chosen: File }): Promise<UploadAnswer> {
  try {
    const response = await fetch("/bulk/upload", { method: "POST", body: uploadBody(request, request.chosen) });
    const answer = (await response.json().catch(() => null)) as ChangeOutcome<{ batchId: string }> | null;
    if (answer && typeof answer === "object" && "outcome" in answer) return { data: answer };
    return { data: { outcome: "failed", message: "Bulk.errors.uploadAnswer" } };
  } catch {
    return { data: { outcome: "failed", message: "Bulk.errors.uploadFailed" } };
  }
}
