import "server-only";
import type { PolicyView } from "@/lib/policy/settings";
import type { Staff } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { grantsToday } from "./daily-cap";
import { policyOf } from "./grant-guard";
import { readSettings } from "./settings-store";

/** What the grant form shows of a member's policy: their role's limits and today's count. */
export async function policyViewOf(member: Staff): Promise<PolicyView> {
  const db = await getDb();
  const [{ settings }, count] = await Promise.all([readSettings(db), grantsToday(db, member.id)]);
  return { rules: policyOf(settings, member.role), grantsToday: count, approvalHours: settings.approvalHours };
}
