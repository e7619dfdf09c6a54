import "server-only";
import type { ChangeOutcome } from "@/lib/change/outcome";
import type { Permission } from "@/server/auth/permissions";
import { requireStaff, StaffAccessError, type Staff } from "@/server/auth/require-staff";
import { getDb, type Database } from "@/server/db";
import { findBatch, type BatchRecord } from "./store";

/**
 * The bulk pages' route handlers answer in the one outcome contract (catalogue keys the
 * browser translates): the member, or the refusal to answer with.
 */
export async function staffForRoute(permission: Permission): Promise<{ staff: Staff } | { refused: Response }> {
  try {
    return { staff: await requireStaff(permission) };
  } catch (error) {
    if (!(error instanceof StaffAccessError)) throw error;
    const answer: ChangeOutcome = { outcome: "refused", message: `ActionErrors.${error.refusal}` };
    return { refused: Response.json(answer, { status: error.refusal === "forbidden" ? 403 : 401 }) };
  }
}

export const isBatchId = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The answer for a batch that does not exist (or an id that cannot be one). */
export const noSuchBatch = () =>
  Response.json({ outcome: "refused", message: "BulkRun.notFoundBatch" } satisfies ChangeOutcome, { status: 404 });

/**
 * A batch route's answer: the member (signed in, allowed bulk.run) and the batch are found
 * first; signed out, an id that cannot be one, or no such batch, is refused in the one contract.
 */
export async function forBatch(
  params: Promise<{ id: string }>,
  answer: (staff: Staff, batch: BatchRecord, db: Database) => Promise<Response>,
): Promise<Response> {
  const member = await staffForRoute("bulk.run");
  if ("refused" in member) return member.refused;
  const { id } = await params;
  const db = await getDb();
  const batch = isBatchId(id) ? await findBatch(db, id) : undefined;
  return batch ? answer(member.staff, batch, db) : noSuchBatch();
}
