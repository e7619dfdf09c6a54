import { parseAdaptyDate } from "@/lib/access/status";
import { differenceOf, type DifferenceRow, type Shown } from "@/lib/audit/difference";

// What an undo sends, decided from the audit row's "before" (the level as it was): no
// level, or one already ended, is restored by revoking now; a level with a future (or no)
// expiry by granting exactly that expiry, and its start if that is still to come.

export type UndoPlan = { kind: "revoke" } | { kind: "grant"; startsAt: string | null; expiresAt: string | null };

type Recorded = Record<string, unknown> | null | undefined;
const asRecord = (value: unknown): Recorded =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

export function undoPlan(before: unknown, now: number): UndoPlan {
  const level = asRecord(before);
  if (!level) return { kind: "revoke" };
  const raw = level.expires_at;
  const expiresAt = typeof raw === "string" ? parseAdaptyDate(raw) : null;
  // An expiry that cannot be read is not taken for lifetime: nothing is granted on a guess.
  if (typeof raw === "string" && expiresAt === null) return { kind: "revoke" };
  if (expiresAt !== null && expiresAt <= now) return { kind: "revoke" };
  const startsAt = typeof level.starts_at === "string" ? parseAdaptyDate(level.starts_at) : null;
  return {
    kind: "grant",
    startsAt: startsAt !== null && startsAt > now ? iso(startsAt) : null,
    expiresAt: iso(expiresAt),
  };
}

/** What matters when comparing two readings of a level: there or not, its start, its end, whether it renews. */
const COMPARED: readonly string[] = ["level", "starts", "expires", "willRenew"];

/** The fields of the level that differ between what the change left and what Adapty holds now. */
export function changedSince(recordedAfter: unknown, current: unknown): DifferenceRow[] {
  const difference = differenceOf("access_level.granted", asRecord(recordedAfter), asRecord(current));
  return (difference?.rows ?? []).filter((row) => COMPARED.includes(row.field) && row.changed);
}

const key = (shown: Shown) =>
  "value" in shown
    ? `${shown.kind}:${shown.value instanceof Date ? shown.value.getTime() : String(shown.value)}`
    : shown.kind;

/**
 * The level as the agent saw it in the preview, in one string: the undo carries it, and the
 * server refuses when Adapty holds something else by then (the agent decided on that state).
 */
export function levelFingerprint(level: unknown): string {
  const record = asRecord(level);
  if (!record) return "none";
  return (differenceOf("access_level.granted", null, record)?.rows ?? [])
    .filter((row) => COMPARED.includes(row.field))
    .map((row) => key(row.after))
    .join("|");
}
