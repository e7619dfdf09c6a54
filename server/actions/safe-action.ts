import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AuditUnavailableError, IdempotencyKeyReusedError } from "@/server/audit";
import { PERMISSIONS } from "@/server/auth/permissions";
import { requireStaff, StaffAccessError } from "@/server/auth/require-staff";
import { isDatabaseUnavailable } from "@/server/db/errors";

/** A refusal whose message is meant for the person who asked (already in their language). */
export class ActionRefusal extends Error {
  override name = "ActionRefusal";
}

/**
 * Every server action is built from this client: it must declare the permission it
 * needs (`.metadata({ permission })` — an action without one fails closed), the staff
 * member is re-read from the database before the action's code runs, input is validated
 * with the action's zod schema, and unexpected errors reach the browser as one plain
 * sentence, never a message or a stack.
 */
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ permission: z.enum(PERMISSIONS) }),
  defaultValidationErrorsShape: "flattened",
  async handleServerError(error) {
    const t = await getTranslations("ActionErrors");
    if (error instanceof StaffAccessError) return t(error.refusal);
    if (error instanceof ActionRefusal) return error.message;
    if (error instanceof AuditUnavailableError) return t("auditUnavailable");
    if (error instanceof IdempotencyKeyReusedError) return t("keyReused");
    if (isDatabaseUnavailable(error)) {
      console.error(`Server action refused, database unavailable: ${error.message}`);
      return t("databaseUnavailable");
    }
    console.error(`Server action failed: ${error.name}: ${error.message}`);
    return t("unexpected");
  },
}).use(async ({ next, metadata }) => {
  const staff = await requireStaff(metadata.permission);
  return next({ ctx: { staff } });
});
