import "server-only";
import { grantSchema, revokeSchema } from "@/lib/access/schema";
import type { Profile } from "@/lib/adapty/types";
import type { BulkRequest } from "@/lib/bulk/request";
import type { ChangeOutcome, Message } from "@/lib/change/outcome";
import { asPolicyGrant } from "@/lib/policy/evaluate";
import { grantNow } from "@/server/access/grant-now";
import { revokeNow } from "@/server/access/revoke-now";
import { readProfile } from "@/server/adapty/read-profile";
import type { Staff } from "@/server/auth/require-staff";
import { withinGrantPolicy } from "@/server/policy/grant-guard";
import type { ClaimedRow } from "./claims";

// One row of a batch, sent exactly as the single grant and revoke are: the starter's grant
// policy (daily cap included), one change per customer and level at a time, the write-ahead
// audit row (with the row's own idempotency key, batch and line), unknown outcomes settled
// by re-reading. Only finding a customer by their customer user id comes first.

export type RowAnswer =
  { profileId?: string; customerUserId?: string; outcome: ChangeOutcome<Profile> } | { notFound: true };

export async function sendRow(starter: Staff, batchId: string, row: ClaimedRow): Promise<RowAnswer> {
  const request = row.request;
  const found = await profileIdOf(request);
  if ("notFound" in found || "outcome" in found) return found;
  const batch = { id: batchId, line: row.line };
  const common = {
    profileId: found.profileId,
    accessLevelId: request.accessLevelId,
    reason: request.reason,
    ticket: request.ticket ?? "",
    idempotencyKey: row.idempotencyKey,
  };
  if (request.action === "grant") {
    // Checked again now: a start that was in the future at upload may have passed since.
    const input = grantSchema.safeParse({ ...common, startsAt: request.startsAt, expiresAt: request.expiresAt });
    if (!input.success) return { ...found, outcome: refusedOn(input.error.issues) };
    return {
      ...found,
      outcome: await withinGrantPolicy(starter, asPolicyGrant(input.data), "BulkRun.beyondPolicy", () =>
        grantNow(starter, input.data, { batch }),
      ),
    };
  }
  const input = revokeSchema.safeParse({ ...common, revokeAt: request.revokeAt });
  if (!input.success) return { ...found, outcome: refusedOn(input.error.issues) };
  return { ...found, outcome: await revokeNow(starter, input.data, { batch }) };
}

/** The row's profile id: as written, or found by the customer user id (one read). */
async function profileIdOf(
  request: BulkRequest,
): Promise<{ profileId: string; customerUserId?: string } | { notFound: true } | { outcome: ChangeOutcome<Profile> }> {
  if ("profileId" in request.customer) return { profileId: request.customer.profileId };
  const read = await readProfile({ customerUserId: request.customer.customerUserId });
  if ("profile" in read) return { profileId: read.profile.profile_id, customerUserId: request.customer.customerUserId };
  if (read.failure.kind === "not_found") return { notFound: true };
  return { outcome: { outcome: "failed", failure: read.failure } };
}

function refusedOn(issues: { path: PropertyKey[]; message: string }[]): ChangeOutcome<Profile> {
  const first = issues[0];
  const message: Message = first ? `Access.errors.${first.message}` : "ActionErrors.unexpected";
  return { outcome: "refused", message };
}
