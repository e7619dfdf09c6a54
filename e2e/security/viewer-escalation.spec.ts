import { expect, test } from "@playwright/test";
import { ATTACK_ARGUMENTS, notesSnapshot, SEED_PROFILE_ID, staffSnapshot } from "../support/attack-arguments";
import { touchedAttackBatches } from "../support/attack-batches";
import { watchForChanges } from "../support/change-watch";
import { cookieOf } from "../support/http-session";
import { callAction, serverAction } from "../support/server-actions";

// Threat: a signed-in viewer (read-only) makes changes by calling the actions directly,
// with arguments edited to look more entitled — another profile, extra fields claiming a
// role or a permission, the action posted through a page the viewer may open.

const CHANGE_ACTIONS = [
  "grantAccessAction",
  "revokeAccessAction",
  "createProfileAction",
  "updateProfileAction",
  "deleteProfileAction",
  "requestApprovalAction",
  "approveRequestAction",
  "declineRequestAction",
  "saveSettingsAction",
  "addNoteAction",
  "editNoteAction",
  "deleteNoteAction",
  "undoByGrantAction",
  "undoByRevokeAction",
  "checkBatchAction",
  "startBatchAction",
  "pauseBatchAction",
  "resumeBatchAction",
  "cancelBatchAction",
  "approveBatchAction",
  "declineBatchAction",
];

/** What an agent may not do either: decide approvals (not even others', grants or batches) or change the grant policy. */
const ADMIN_ACTIONS = [
  "approveRequestAction",
  "declineRequestAction",
  "saveSettingsAction",
  "approveBatchAction",
  "declineBatchAction",
];

/** Edits an attacker tries on top of valid arguments. */
const EDITS: Record<string, (args: Record<string, unknown>) => unknown[]> = {
  "as captured": (args) => [args],
  "with another profile": (args) => [{ ...args, profileId: "9c1e5a70-0000-4000-8000-000000000007" }],
  "claiming a role and a permission": (args) => [
    {
      ...args,
      role: "admin",
      permission: "profiles.read",
      staff: { role: "admin" },
      ctx: { staff: { role: "admin" } },
    },
  ],
  "with a second argument": (args) => [args, { metadata: { permission: "profiles.read" } }],
  "as a prototype-polluting object": (args) => [
    JSON.parse(`{"__proto__":{"role":"admin"},${JSON.stringify(args).slice(1)}`) as unknown,
  ],
};

for (const name of CHANGE_ACTIONS) {
  test(`a viewer calling ${name} is refused, however the arguments are edited, and nothing changes`, async () => {
    const cookie = cookieOf("viewer");
    const staffBefore = await staffSnapshot();
    const notesBefore = await notesSnapshot();
    const watch = await watchForChanges();
    const action = serverAction(name);
    for (const [edit, apply] of Object.entries(EDITS)) {
      const answer = await callAction(action, apply(await ATTACK_ARGUMENTS[name]!()), { cookie });
      expect(answer.status, edit).toBeLessThan(500);
      expect(answer.result?.serverError, edit).toBe("Your role does not allow this. Nothing was changed.");
    }
    // The viewer may open /profiles: posting the action there instead gains nothing either.
    const elsewhere = await callAction(action, [await ATTACK_ARGUMENTS[name]!()], { cookie, path: "/profiles" });
    expect(elsewhere.status).toBeLessThan(500);
    expect(elsewhere.result?.data).toBeUndefined();
    expect(elsewhere.text).not.toContain("succeeded");
    const rows = await watch.expectNothingChanged(["auth.denied"]);
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(EDITS).length);
    expect(rows.every((row) => row.actor_email === "viewer@e2e.test" && row.detail === "forbidden")).toBe(true);
    expect(await staffSnapshot()).toEqual(staffBefore);
    expect(await notesSnapshot()).toEqual(notesBefore);
    expect(await touchedAttackBatches()).toEqual([]);
  });
}

for (const name of ADMIN_ACTIONS) {
  test(`an agent calling ${name} is refused, and nothing changes`, async () => {
    const watch = await watchForChanges();
    const answer = await callAction(serverAction(name), [await ATTACK_ARGUMENTS[name]!()], {
      cookie: cookieOf("agent"),
    });
    expect(answer.status).toBeLessThan(500);
    expect(answer.result?.serverError).toBe("Your role does not allow this. Nothing was changed.");
    const rows = await watch.expectNothingChanged(["auth.denied"]);
    expect(rows.every((row) => row.actor_email === "agent@e2e.test" && row.detail === "forbidden")).toBe(true);
    expect(await touchedAttackBatches()).toEqual([]);
  });
}

test("the viewer's session still works for reading afterwards: refusals do not lock anyone out", async () => {
  const answer = await callAction(serverAction("loadProfileAction"), [{ profileId: SEED_PROFILE_ID }], {
    cookie: cookieOf("viewer"),
  });
  expect(answer.result?.serverError).toBeUndefined();
  expect(answer.text).toContain("demo-no-access");
});
