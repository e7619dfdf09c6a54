import { z } from "zod";
import { revokeProblem } from "@/lib/access/rules";
import { grantSchema, revokeSchema, type GrantInput, type RevokeInput } from "@/lib/access/schema";
import { parseAdaptyDate, type AccessDates } from "@/lib/access/status";
import { applyPreset, EXPIRY_PRESETS, toZonedParts, type ExpiryPreset, type WallClock } from "@/lib/time/presets";
import { zonedLocalToDate } from "@/lib/time/zoned";

// What the grant and revoke dialogs hold while the agent fills them in (wall-clock times
// in a chosen zone), and how that becomes the request the server action checks again.
// The dialogs validate with the action's own schema, run on the request their values make,
// so a message lands on the field the request's path names (startsAt, expiresAt, revokeAt…).

const DAY = 86_400_000;
const wallClock = z.object({ date: z.string(), time: z.string() });
const atZone = (clock: WallClock, zone: string) => zonedLocalToDate(`${clock.date}T${clock.time}`, zone);

/** The schema's issues, moved onto the form's values. */
function checkWith<T>(schema: z.ZodType<unknown, T>, request: T, context: z.RefinementCtx) {
  const parsed = schema.safeParse(request);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      context.addIssue({ code: "custom", path: issue.path, message: issue.message });
}

const grantFields = z.object({
  accessLevelId: z.string(),
  zone: z.string(),
  startLater: z.boolean(),
  startsAt: wallClock,
  preset: z.enum([...EXPIRY_PRESETS, "exact"]),
  expiresAt: wallClock,
  reason: z.string(),
  ticket: z.string(),
});
export type GrantFormValues = z.infer<typeof grantFields>;

export function grantDefaults(now: Date, zone: string, accessLevels: string[], ticket = ""): GrantFormValues {
  return {
    accessLevelId: accessLevels[0] ?? "",
    zone,
    startLater: false,
    startsAt: toZonedParts(new Date(now.getTime() + DAY), zone),
    preset: "1m" satisfies ExpiryPreset,
    expiresAt: toZonedParts(new Date(now.getTime() + 30 * DAY), zone),
    reason: "",
    ticket,
  };
}

/** When the grant starts (null: now) and ends (null: never, or not a real time), as of `now`. */
export function grantTimes(values: GrantFormValues, now: Date) {
  const startsAt = values.startLater ? atZone(values.startsAt, values.zone) : null;
  const from = startsAt ?? now;
  const expiresAt =
    values.preset === "exact" ? atZone(values.expiresAt, values.zone) : applyPreset(from, values.preset, values.zone);
  return { startsAt, from, expiresAt };
}

export function grantRequest(
  values: GrantFormValues,
  { profileId, now, idempotencyKey }: { profileId: string; now: Date; idempotencyKey: string },
): GrantInput {
  const { startsAt, expiresAt } = grantTimes(values, now);
  return {
    profileId,
    accessLevelId: values.accessLevelId,
    startsAt: startsAt?.toISOString() ?? (values.startLater ? "invalid" : null),
    expiresAt: expiresAt?.toISOString() ?? (values.preset === "lifetime" ? null : "invalid"),
    reason: values.reason,
    ticket: values.ticket,
    idempotencyKey,
  };
}

export const grantFormSchema = (context: { profileId: string; now: Date }) =>
  grantFields.superRefine((values, refinement) =>
    checkWith(grantSchema, grantRequest(values, { ...context, idempotencyKey: crypto.randomUUID() }), refinement),
  );

const revokeFields = z.object({
  accessLevelId: z.string(),
  zone: z.string(),
  later: z.boolean(),
  revokeAt: wallClock,
  reason: z.string(),
  ticket: z.string(),
});
export type RevokeFormValues = z.infer<typeof revokeFields>;

export function revokeDefaults(
  level: AccessDates & { access_level_id?: string },
  now: Date,
  zone: string,
  ticket = "",
): RevokeFormValues {
  const expiry = parseAdaptyDate(level.expires_at);
  return {
    accessLevelId: level.access_level_id ?? "",
    zone,
    later: false,
    revokeAt: toZonedParts(new Date(Math.min(expiry ?? Infinity, now.getTime() + DAY)), zone),
    reason: "",
    ticket,
  };
}

/** When access ends: null for now (or when the chosen time is not a real one). */
export const revokeTime = (values: RevokeFormValues) => (values.later ? atZone(values.revokeAt, values.zone) : null);

export function revokeRequest(
  values: RevokeFormValues,
  { profileId, idempotencyKey }: { profileId: string; idempotencyKey: string },
): RevokeInput {
  const revokeAt = revokeTime(values);
  return {
    profileId,
    accessLevelId: values.accessLevelId,
    revokeAt: revokeAt?.toISOString() ?? (values.later ? "invalid" : null),
    reason: values.reason,
    ticket: values.ticket,
    idempotencyKey,
  };
}

/** The revoke schema, then Adapty's own rules for this level (in the future, no later than its expiry). */
export const revokeFormSchema = (context: { profileId: string; level: AccessDates }) =>
  revokeFields.superRefine((values, refinement) => {
    checkWith(revokeSchema, revokeRequest(values, { ...context, idempotencyKey: crypto.randomUUID() }), refinement);
    const revokeAt = revokeTime(values);
    const problem = values.later && revokeAt ? revokeProblem(context.level, revokeAt, Date.now()) : null;
    if (problem)
      refinement.addIssue({
        code: "custom",
        path: [problem === "missing_level" ? "accessLevelId" : "revokeAt"],
        message: problem,
      });
  });
