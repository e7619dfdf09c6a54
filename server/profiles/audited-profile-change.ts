import "server-only";
import type { ChangeAction } from "@/lib/audit-actions";
import type { ProfileChangeOutcome } from "@/lib/profiles/change-outcome";
import type { AdaptyAnswer } from "@/server/adapty/types";
import { getAuditLog, recordChange } from "@/server/audit";
import { requestContext } from "@/server/audit/request-context";
import type { Staff } from "@/server/auth/require-staff";
import { asAdaptyFailure } from "./failure";

/** A create, edit or delete of a profile through the write-ahead audit trail. */
export async function auditedProfileChange<T>(change: {
  actor: Staff;
  action: Extract<ChangeAction, "profile.created" | "profile.updated" | "profile.deleted">;
  target: { profileId?: string | null; customerUserId?: string | null };
  params: unknown;
  idempotencyKey: string;
  send: () => Promise<AdaptyAnswer<T>>;
  profileIdOf: (value: T) => string;
}): Promise<ProfileChangeOutcome> {
  const result = await recordChange(await getAuditLog(), {
    actor: change.actor,
    action: change.action,
    target: change.target,
    params: change.params,
    idempotencyKey: change.idempotencyKey,
    context: await requestContext(),
    send: change.send,
  });
  if (result.outcome === "succeeded") return { outcome: "succeeded", profileId: change.profileIdOf(result.value) };
  const { failure } = result;
  if (failure.kind === "in_progress") return { outcome: "in_progress" };
  return {
    outcome: result.outcome,
    failure: asAdaptyFailure(failure),
    fieldErrors: failure.fieldErrors,
    formErrors: failure.formErrors,
  };
}
