import { batchAwaitingApproval, insertedBatch, type AttackBatchStatus } from "./attack-batches";
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

/** A pending request for approval (a lifetime grant asked by the agent), which deciding would change. */
async function pendingRequest(): Promise<string> {
  const [row] = await query<{ id: string }>(
    `insert into approval_requests (kind, requested_by_id, requested_by_email, requested_by_role, profile_id, params, exceeds, reason, expires_at)
     select 'grant', id, email, 'agent', $1, $2, '[{"kind":"lifetime"}]', 'attack test', now() + interval '1 hour'
     from staff where email = 'agent@e2e.test' returning id`,
    [
      SEED_PROFILE_ID,
      JSON.stringify({ profileId: SEED_PROFILE_ID, accessLevelId: "premium", startsAt: null, expiresAt: null }),
    ],
  );
  if (!row) throw new Error("no agent to ask for approval");
  return row.id;
}

/** The note the note attacks aim at: the agent's, on the seeded customer, made once (a fixed id). */
const ATTACK_NOTE_ID = "a77ac4e0-0000-4000-8000-00000000000e";

async function attackNote(): Promise<{ noteId: string; version: number }> {
  await query(
    `insert into customer_notes (id, profile_id, author_id, author_email, body)
     select $1, $2, id, email, 'The note attacks aim at.' from staff where email = 'agent@e2e.test'
     on conflict (id) do nothing`,
    [ATTACK_NOTE_ID, SEED_PROFILE_ID],
  );
  const [row] = await query<{ version: number }>("select version from customer_notes where id = $1", [ATTACK_NOTE_ID]);
  if (!row) throw new Error("no note to attack");
  return { noteId: ATTACK_NOTE_ID, version: row.version };
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

/** A batch of the agent's, on the seeded customer, in the status the action moves it from. */
const agentBatch = (status: AttackBatchStatus) => () =>
  insertedBatch("agent@e2e.test", status, { profileId: SEED_PROFILE_ID });

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
  // A read, like loadProfileAction: a viewer may call it, nobody signed out may.
  replySummaryAction: () => ({ profileId: SEED_PROFILE_ID, locale: "ja", includeLastChange: true }),
  addStaffAction: () => ({ email: "attacker@evil.example", role: "admin", password: "attacker-password" }),
  changeRoleAction: async () => ({ staffId: await staffId("viewer@e2e.test"), role: "admin" }),
  setEnabledAction: async () => ({ staffId: await staffId("admin@e2e.test"), enabled: false }),
  resetPasswordAction: async () => ({ staffId: await staffId("admin@e2e.test"), password: "attacker-password" }),
  // A lifetime grant, beyond an agent's policy: it would wait in the approval queue.
  requestApprovalAction: () => ({
    profileId: SEED_PROFILE_ID,
    accessLevelId: "premium",
    startsAt: null,
    expiresAt: null,
    reason: "attack",
    idempotencyKey: crypto.randomUUID(),
  }),
  approveRequestAction: async () => ({ requestId: await pendingRequest() }),
  declineRequestAction: async () => ({ requestId: await pendingRequest(), comment: "attack" }),
  saveSettingsAction: async () => ({
    settings: {
      policy: {
        agent: { maxDays: null, levels: null, lifetime: true, dailyCap: null },
        admin: { maxDays: null, levels: null, lifetime: true, dailyCap: null },
      },
      approvalHours: 720,
      undoHours: 720,
    },
    fromVersion: Number((await query<{ version: number }>("select version from console_settings"))[0]?.version ?? 0),
  }),
  // Harmless if it ran (a preference of one's own), but it too must refuse without a session.
  setOwnLanguageAction: () => ({ language: "ja" }),
  addNoteAction: () => ({
    profileId: SEED_PROFILE_ID,
    body: "Added by an attacker.",
    ticket: "ATTACK-1",
    idempotencyKey: crypto.randomUUID(),
  }),
  editNoteAction: async () => ({ profileId: SEED_PROFILE_ID, ...(await attackNote()), body: "Edited by an attacker." }),
  deleteNoteAction: async () => ({ profileId: SEED_PROFILE_ID, ...(await attackNote()) }),
  previewUndoAction: async () => ({ eventId: (await undoableRow()).eventId }),
  undoByGrantAction: undoArguments,
  undoByRevokeAction: undoArguments,
  // A dry run only reads, but it resets the draft's check; starting it would send its row.
  checkBatchAction: async () => ({ batchId: (await agentBatch("draft")()).batchId }),
  startBatchAction: agentBatch("draft"),
  pauseBatchAction: agentBatch("running"),
  resumeBatchAction: agentBatch("paused"),
  cancelBatchAction: agentBatch("draft"),
  approveBatchAction: () => batchAwaitingApproval("agent@e2e.test", SEED_PROFILE_ID),
  declineBatchAction: async () => ({
    ...(await batchAwaitingApproval("agent@e2e.test", SEED_PROFILE_ID)),
    comment: "attack",
  }),
};

/** The customers' notes, to prove an attack left them alone (the attacked note made first). */
export async function notesSnapshot() {
  await attackNote();
  return query("select id, profile_id, author_id, body, ticket, version, updated_at from customer_notes order by id");
}

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
