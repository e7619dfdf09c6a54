"use server";

import { eq } from "drizzle-orm";
import type { Profile } from "@/lib/adapty/types";
import { approveSchema } from "@/lib/approvals/schema";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { asPolicyGrant, exceededLimits } from "@/lib/policy/evaluate";
import { grantNow } from "@/server/access/grant-now";
import { actionClient } from "@/server/auth/action-client";
import { getDb } from "@/server/db";
import { auditEvents } from "@/server/db/schema";
import { beyondPolicy, policyOf } from "@/server/policy/grant-guard";
import { readSettings } from "@/server/policy/settings-store";
import { auditedDecision, decidableRequest, requesterOf } from "./decide";
import { linkAuditRow, reopenRequest } from "./store";

interface RequestedGrant {
  profileId: string;
  accessLevelId: string;
  startsAt: string | null;
  expiresAt: string | null;
}

/**
 * An admin approves someone else's request: the decision is recorded, then the grant runs
 * through the usual audited path as the requester, its row naming the approver too. If the
 * grant does not go through, the request waits again (nothing changed at Adapty).
 */
export const approveRequestAction = actionClient
  .metadata({ permission: "approvals.decide", change: "approval.approved" })
  .inputSchema(approveSchema)
  .action(async ({ parsedInput: input, ctx }): Promise<ChangeOutcome<Profile>> => {
    const found = await decidableRequest(input.requestId, ctx.staff);
    if ("refusal" in found) return { outcome: "refused", message: found.refusal };
    const { request } = found;
    // A bulk batch is decided by its own actions (server/bulk/decide-batch.ts).
    if (request.kind !== "grant") return { outcome: "refused", message: "Approvals.errors.notFound" };
    const requester = await requesterOf(request);
    if (!requester) return { outcome: "refused", message: "Approvals.errors.requesterGone" };

    const asked = request.params as RequestedGrant;
    // A start that passed while the request waited starts now; an end that passed cannot be granted.
    const startsAt = asked.startsAt && Date.parse(asked.startsAt) > Date.now() ? asked.startsAt : null;
    if (asked.expiresAt && Date.parse(asked.expiresAt) <= Date.now())
      return { outcome: "refused", message: "Approvals.errors.periodOver" };
    // The approver answers for the grant: it must be within their own policy (the daily cap aside).
    const db = await getDb();
    const theirs = exceededLimits(
      policyOf((await readSettings(db)).settings, ctx.staff.role),
      asPolicyGrant(asked),
      Date.now(),
    );
    if (theirs.length > 0) return beyondPolicy(theirs, "Approvals.errors.beyondYourPolicy");

    const decided = await auditedDecision(ctx.staff, request, "approved", input.comment);
    if (decided.outcome !== "succeeded") return decided;

    const idempotencyKey = crypto.randomUUID();
    const granted = await grantNow(
      requester,
      { ...asked, startsAt, reason: request.reason, ticket: request.ticket ?? undefined, idempotencyKey },
      { approvedBy: { id: ctx.staff.id, email: ctx.staff.email } },
    );
    if (granted.outcome === "refused" || granted.outcome === "failed") await reopenRequest(db, request.id);
    else {
      const [row] = await db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(eq(auditEvents.idempotencyKey, idempotencyKey));
      if (row) await linkAuditRow(db, request.id, row.id);
    }
    return granted;
  });
