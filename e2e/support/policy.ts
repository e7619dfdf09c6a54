import { cookieOf } from "./http-session";
import { query } from "./database";
import { callAction, serverAction } from "./server-actions";

// The grant policy the suite runs under, saved once by the admin (as an operator would on the
// Settings page): agents may grant up to 1,000 days but never lifetime (as by default), with no
// daily cap, so the suite's many grants by its one agent stay within it. The approval tests go
// beyond it with a lifetime grant. The defaults themselves are unit-tested (lib/policy).
export const SUITE_MAX_DAYS = 1000;

export const SUITE_SETTINGS = {
  policy: {
    agent: { maxDays: SUITE_MAX_DAYS, levels: null, lifetime: false, dailyCap: null },
    admin: { maxDays: null, levels: null, lifetime: true, dailyCap: null },
  },
  approvalHours: 72,
  undoHours: 24,
  /** As by default: the 1,000-row batch test goes beyond it, to the approval queue. */
  batchRowsWithoutApproval: 500,
};

export async function saveSuitePolicy(): Promise<void> {
  const [row] = await query<{ version: number }>("select version from console_settings where id = 1");
  const answer = await callAction(
    serverAction("saveSettingsAction"),
    [{ settings: SUITE_SETTINGS, fromVersion: row?.version ?? 0 }],
    { cookie: cookieOf("admin") },
  );
  const outcome = (answer.result?.data as { outcome?: string } | undefined)?.outcome;
  if (outcome !== "succeeded") throw new Error(`could not save the suite's grant policy: ${answer.text.slice(0, 300)}`);
}
