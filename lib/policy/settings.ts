import { z } from "zod";

// What admins choose on the Settings page (stored in console_settings, one JSON document).
// Shared by the form (browser) and the save action and every check (server).

const levelId = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "levelInvalid");

/** The grants one role may give without a second look. `null`: no limit of that kind. */
export const rolePolicySchema = z.object({
  /** The longest grant, in days from when the access starts to when it ends. */
  maxDays: z.number().int("wholeNumber").min(1, "atLeastOne").max(3650, "tooLarge").nullable(),
  /** The access levels this role may grant; null: every level the grant form offers. */
  levels: z.array(levelId).max(100, "tooMany").nullable(),
  /** Whether this role may grant access with no end. */
  lifetime: z.boolean(),
  /** Grants per member per day (UTC). */
  dailyCap: z.number().int("wholeNumber").min(1, "atLeastOne").max(100_000, "tooLarge").nullable(),
});
export type RolePolicy = z.infer<typeof rolePolicySchema>;

export const GRANTING_ROLES = ["agent", "admin"] as const;
export type GrantingRole = (typeof GRANTING_ROLES)[number];

export const settingsSchema = z.object({
  policy: z.object({ agent: rolePolicySchema, admin: rolePolicySchema }),
  /** How long a request for approval waits for an admin before it expires. */
  approvalHours: z.number().int("wholeNumber").min(1, "atLeastOne").max(720, "tooLarge"),
  /** How long after a change its Undo is offered. */
  undoHours: z.number().int("wholeNumber").min(1, "atLeastOne").max(720, "tooLarge"),
  /**
   * The most rows an agent's bulk batch may have and still start without an admin's
   * approval (admins' batches need none). Settings saved before bulk batches existed get the default.
   */
  batchRowsWithoutApproval: z.number().int("wholeNumber").min(1, "atLeastOne").max(50_000, "tooLarge").default(500),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * Until an admin saves: agents give up to 3 months (93 days) of any level, never lifetime,
 * 50 grants a day; admins have no limit. Requests wait 3 days; Undo is offered for 24 hours;
 * an agent's batch of more than 500 rows waits for an admin's approval.
 */
export const DEFAULT_SETTINGS: Settings = {
  policy: {
    agent: { maxDays: 93, levels: null, lifetime: false, dailyCap: 50 },
    admin: { maxDays: null, levels: null, lifetime: true, dailyCap: null },
  },
  approvalHours: 72,
  undoHours: 24,
  batchRowsWithoutApproval: 500,
};

/** What the grant form is told of its giver's policy, to show the limits before they are reached. */
export interface PolicyView {
  rules: RolePolicy;
  /** Grants the giver made today (UTC), for the daily cap. */
  grantsToday: number;
  /** How long a request for approval waits. */
  approvalHours: number;
}
