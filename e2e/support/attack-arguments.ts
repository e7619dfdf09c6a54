import { query } from "./database";

// For each guarded server action, arguments that are valid and would change something
// real if the action ran — so a refusal proves the check, not a validation error.

export const SEED_PROFILE_ID = "9c1e5a70-0000-4000-8000-000000000001";
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

async function staffId(email: string): Promise<string> {
  const [row] = await query<{ id: string }>("select id from staff where email = $1", [email]);
  if (!row) throw new Error(`no staff member ${email}`);
  return row.id;
}

/** A real grant or revoke that succeeded (the newest), for the undo actions; the seeded customer's when there is none. */
async function undoableRow(): Promise<{ eventId: number; profileId: string }> {
  const [row] = await query<{ id: string; target_profile_id: string }>(
    "select id, target_profile_id from audit_events where action in ('access_level.granted', 'access_level.revoked') and outcome = 'succeeded' and target_profile_id is not null order by id desc limit 1",
  );
  return row
    ? { eventId: Number(row.id), profileId: row.target_profile_id }
    : { eventId: 1, profileId: SEED_PROFILE_ID };
}

const undoArguments = async () => ({
  ...(await undoableRow()),
  seen: "none",
  confirmedChanges: true,
  reason: "attack",
  idempotencyKey: crypto.randomUUID(),
});

/** The actions anyone may call: signing in needs no session, signing out ends one (if any). */
export const OPEN_ACTIONS = ["signInWithPassword", "signInWithSingleSignOn", "signOutEverywhere"];

type Arguments = Record<string, unknown>;

export const ATTACK_ARGUMENTS: Record<string, () => Arguments | Promise<Arguments>> = {
  grantAccessAction: () => ({
    profileId: SEED_PROFILE_ID,
    accessLevelId: "premium",
    startsAt: null,
    expiresAt: inAMonth(),
    reason: "attack",
    idempotencyKey: crypto.randomUUID(),
  }),
  revokeAccessAction: () => ({
    profileId: SEED_PROFILE_ID,
    accessLevelId: "premium",
    revokeAt: null,
    reason: "attack",
    idempotencyKey: crypto.randomUUID(),
  }),
  createProfileAction: () => ({
    customer_user_id: "created-by-attacker",
    custom_attributes: [],
    idempotencyKey: crypto.randomUUID(),
  }),
  updateProfileAction: () => ({
    profileId: SEED_PROFILE_ID,
    last_name: "Attacker",
    custom_attributes: [],
    reason: "attack",
    idempotencyKey: crypto.randomUUID(),
  }),
  deleteProfileAction: () => ({
    profileId: SEED_PROFILE_ID,
    confirmation: "demo-no-access",
    reason: "attack",
    idempotencyKey: crypto.randomUUID(),
  }),
  loadProfileAction: () => ({ profileId: SEED_PROFILE_ID }),
  addStaffAction: () => ({ email: "attacker@evil.example", role: "admin", password: "attacker-password" }),
  changeRoleAction: async () => ({ staffId: await staffId("viewer@e2e.test"), role: "admin" }),
  setEnabledAction: async () => ({ staffId: await staffId("admin@e2e.test"), enabled: false }),
  resetPasswordAction: async () => ({ staffId: await staffId("admin@e2e.test"), password: "attacker-password" }),
  // Harmless if it ran (a preference of one's own), but it too must refuse without a session.
  setOwnLanguageAction: () => ({ language: "ja" }),
  previewUndoAction: async () => ({ eventId: (await undoableRow()).eventId }),
  undoByGrantAction: undoArguments,
  undoByRevokeAction: undoArguments,
};

/** What the staff table looks like, to prove an attack left it alone. */
export const staffSnapshot = () =>
  query(
    "select email, role::text, enabled, password_hash, updated_at from staff where email not like 'load-%' order by email",
  );

/** A valid grant of premium to the seeded customer, with some arguments replaced by crafted ones. */
export const grantArgs = (overrides: Record<string, unknown>) => ({
  profileId: SEED_PROFILE_ID,
  accessLevelId: "premium",
  startsAt: null,
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  reason: "bad input test",
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
});
