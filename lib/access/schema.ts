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
const accessLevelId = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "levelNotConfigured");

/** A moment counts as "not in the past" with a minute's grace for the time spent confirming. */
const SLACK_MS = 60_000;

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
    const start = value.startsAt ? Date.parse(value.startsAt) : Date.now();
    if (value.startsAt && start < Date.now() - SLACK_MS)
      context.addIssue({ code: "custom", path: ["startsAt"], message: "startInPast" });
    if (value.expiresAt && Date.parse(value.expiresAt) <= start)
      context.addIssue({ code: "custom", path: ["expiresAt"], message: "expiryBeforeStart" });
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
