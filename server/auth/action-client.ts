import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { failureMessage } from "@/lib/change/outcome";
import { AdaptyError } from "@/server/adapty";
import { toFailure } from "@/server/adapty/failure";
import { CHANGE_ACTIONS } from "@/lib/audit/actions";
import { AuditUnavailableError, IdempotencyKeyReusedError } from "@/server/audit";
import { markRefusedByError, markUnrecordable, trackAttempt } from "@/server/audit/attempt";
import { recordUnrecordedChange, type ChangeName } from "@/server/audit/unrecorded-change";
import { isDatabaseUnavailable } from "@/server/db/errors";
import { PERMISSIONS } from "./permissions";
import { requireStaff, StaffAccessError } from "./require-staff";

/**
 * Every server action is built from this client: it must declare the permission it
 * needs (`.metadata({ permission })` — an action without one fails closed), the staff
 * member is re-read from the database before the action's code runs, input is validated
 * with the action's zod schema, and anything the action did not answer as a ChangeOutcome
 * reaches the browser as one plain sentence in the agent's language, never a stack.
 * A change action also declares which change it makes (`change`): when it is refused or
 * fails before it has an audit row of its own (auditedChange()), the row is written here.
 */
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () =>
    z.object({
      permission: z.enum(PERMISSIONS),
      change: z
        .union([z.enum(CHANGE_ACTIONS), z.custom<Exclude<ChangeName, string>>((name) => typeof name === "function")])
        .optional(),
    }),
  defaultValidationErrorsShape: "flattened",
  async handleServerError(error) {
    const t = await getTranslations();
    if (error instanceof StaffAccessError) return t(`ActionErrors.${error.refusal}`);
    if (error instanceof AdaptyError) {
      // Reads go through readProfile() and changes through auditedChange(), which answer
      // Adapty's failures as data; one that escapes still gets the same words.
      const failure = toFailure(error);
      console.error(
        `Server action met an Adapty failure: ${failure.kind} ${failure.status ?? ""} ${failure.requestId ?? ""}`,
      );
      return t(error.outcomeUnknown ? "Change.unknownOutcome" : (failureMessage(failure) as "Change.failed"));
    }
    if (error instanceof AuditUnavailableError) {
      markUnrecordable();
      return t("ActionErrors.auditUnavailable");
    }
    if (error instanceof IdempotencyKeyReusedError) {
      markRefusedByError();
      return t("ActionErrors.keyReused");
    }
    if (isDatabaseUnavailable(error)) {
      markUnrecordable();
      console.error(`Server action refused, database unavailable: ${error.message}`);
      return t("ActionErrors.databaseUnavailable");
    }
    console.error(`Server action failed: ${error.name}: ${error.message}`);
    return t("ActionErrors.unexpected");
  },
})
  .use(async ({ next, metadata }) => {
    const staff = await requireStaff(metadata.permission);
    return next({ ctx: { staff } });
  })
  .use(async ({ next, metadata, clientInput, ctx }) => {
    if (!metadata.change) return next();
    const { result, recorded, unrecordable, refusedByError } = await trackAttempt(() => next());
    if (!recorded && !unrecordable)
      await recordUnrecordedChange({
        actor: ctx.staff,
        name: metadata.change,
        input: result.parsedInput ?? clientInput,
        answer: { ...result, refusedByError },
      });
    return result;
  });
