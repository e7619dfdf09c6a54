import { z } from "zod";
import { ticketProblem } from "@/lib/change/ticket";

// The grant and revoke requests, shared by the dialogs (browser) and the server actions,
// which check them again. Times are instants with an explicit offset; the dialogs build
// them from the agent's wall-clock choice in the chosen zone. Messages are keys of the
// Access.errors catalogue.
const instant = z.iso.datetime({ offset: true, message: "timeInvalid" });
export const reason = z.string().trim().min(1, "reasonRequired").max(500, "reasonTooLong");
export const ticket = z
  .string()
  .trim()
  .refine((value) => ticketProblem(value) === undefined, "ticketInvalid")
  .transform((value) => value || undefined)
  .optional();
export const accessLevelId = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "levelNotConfigured");

/** A moment counts as "not in the past" with a minute's grace for the time spent confirming. */
const SLACK_MS = 60_000;

interface GrantPeriodProblem {
  field: "startsAt" | "expiresAt";
  message: "startInPast" | "expiryBeforeStart";
}

/**
 * What is wrong with a grant's period (instants with an offset; null start: from `now`,
 * null expiry: lifetime). One rule for the single grant and each row of a bulk file.
 */
export function grantPeriodProblems(
  startsAt: string | null,
  expiresAt: string | null,
  now: number,
): GrantPeriodProblem[] {
  const problems: GrantPeriodProblem[] = [];
  const start = startsAt ? Date.parse(startsAt) : now;
  if (startsAt && start < now - SLACK_MS) problems.push({ field: "startsAt", message: "startInPast" });
  if (expiresAt && Date.parse(expiresAt) <= start) problems.push({ field: "expiresAt", message: "expiryBeforeStart" });
  return problems;
}

export const grantSchema = z
  .object({
    profileId: z.uuid(),
    accessLevelId,
    startsAt: instant.nullable(),
    expiresAt: instant.nullable(),
    reason,
    ticket,
    idempotencyKey: z.uuid(),
  })
  .superRefine((value, context) => {
    for (const problem of grantPeriodProblems(value.startsAt, value.expiresAt, Date.now()))
      context.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });

export const revokeSchema = z.object({
  profileId: z.uuid(),
  accessLevelId,
  revokeAt: instant.nullable(),
  reason,
  ticket,
  idempotencyKey: z.uuid(),
});

export type GrantInput = z.input<typeof grantSchema>;
/** A grant as the server checked it. */
export type GrantRequest = z.output<typeof grantSchema>;
export type RevokeInput = z.input<typeof revokeSchema>;
/** A revoke as the server checked it. */
export type RevokeRequest = z.output<typeof revokeSchema>;
