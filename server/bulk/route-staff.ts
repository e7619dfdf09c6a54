import "server-only";
import type { ChangeOutcome } from "@/lib/change/outcome";
import type { Permission } from "@/server/auth/permissions";
import { requireStaff, StaffAccessError, type Staff } from "@/server/auth/require-staff";

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
