import { resultFileResponse } from "@/server/bulk/result-file";
import { forBatch } from "@/server/bulk/route-staff";

export const dynamic = "force-dynamic";

/** GET /bulk/<id>/result.csv — the uploaded file with each row's outcome, streamed. */
export const GET = (_request: Request, { params }: { params: Promise<{ id: string }> }) =>
  forBatch(params, (_staff, batch, db) => resultFileResponse(db, batch));
