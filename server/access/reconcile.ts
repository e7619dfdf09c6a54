import "server-only";
import { parseAdaptyDate } from "@/lib/access/status";
import type { AdaptyClient } from "@/server/adapty/client";
import type { AccessLevel, Profile } from "@/lib/adapty/types";
import { levelOf, levelShows, type RequestedExpiry } from "@/server/access/change-access-level";
import type { AuditRow } from "@/server/audit/log";
import type { Verdict } from "@/server/audit/verdict";

const timeOf = (value: unknown) => (typeof value === "string" ? parseAdaptyDate(value) : null);

/**
 * What the profile Adapty holds now says about the change the row asked for: `applied`
 * when the level is as requested, `not applied` when it is still as it was before (the row's
 * `access_before`), undefined when it is neither — changed since by someone or something
 * else — and so cannot tell.
 */
export function accessChangeVerdict(
  row: Pick<AuditRow, "action" | "params" | "accessBefore" | "occurredAt">,
  profile: Profile,
  staleAfter: number,
): "applied" | "not applied" | undefined {
  const params = (row.params ?? {}) as Record<string, unknown>;
  const level = levelOf(profile, String(params.access_level_id));
  const before = row.accessBefore as AccessLevel | null;
  const requested: RequestedExpiry =
    row.action === "access_level.granted" || timeOf(params.revoke_at) !== null
      ? { exactly: timeOf(row.action === "access_level.granted" ? params.expires_at : params.revoke_at) }
      : // "Revoke now" ends access when Adapty handled it: between the row's start and its staleness.
        { within: [row.occurredAt.getTime() - 60_000, row.occurredAt.getTime() + staleAfter] };
  if (levelShows(level, requested)) return "applied";
  const asBefore = before
    ? level !== null && parseAdaptyDate(level.expires_at) === parseAdaptyDate(before.expires_at)
    : level === null;
  return asBefore ? "not applied" : undefined;
}

/** A grant or revoke row left open: re-read the profile and judge. */
export async function settleAccessChange(
  row: AuditRow,
  adapty: AdaptyClient,
  staleAfter: number,
): Promise<Verdict | undefined> {
  if (!row.targetProfileId) return undefined;
  const profile = (await adapty.getProfile({ profileId: row.targetProfileId })).value;
  const verdict = accessChangeVerdict(row, profile, staleAfter);
  if (!verdict) return undefined;
  return {
    verdict,
    after: levelOf(profile, String((row.params as Record<string, unknown> | null)?.access_level_id)),
    result: profile,
  };
}
