import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { BreakableId } from "@/components/ui/breakable-id";
import { LocalTime } from "@/components/ui/local-time";
import type { SearchMatch } from "@/lib/search/combine";
import { isAdaptyEventType } from "@/lib/webhooks/event-types";
import { parseAdaptyWebhookTime } from "@/lib/webhooks/time";

const DAY = { year: "numeric", month: "short", day: "numeric" } as const;

function AccessList({ match }: { match: SearchMatch }) {
  const t = useTranslations("Search");
  const format = useFormatter();
  const levels = match.accessLevels ?? [];
  if (match.accessSeenAt === null) return null;
  const end = (value: string | null) => {
    const date = value === null ? undefined : (parseAdaptyWebhookTime(value) ?? new Date(value));
    return date && !Number.isNaN(date.getTime()) ? format.dateTime(date, DAY) : null;
  };
  return (
    <p className="text-xs text-slate-600">
      {t("accessSeen")} (<LocalTime date={match.accessSeenAt} />
      ):{" "}
      {levels.length === 0
        ? t("noAccess")
        : levels
            .map((level) => {
              const date = end(level.expiresAt);
              if (date === null) return t("accessLifetime", { level: level.id });
              return level.active
                ? t("accessUntil", { level: level.id, date })
                : t("accessEnded", { level: level.id, date });
            })
            .join(" · ")}
    </p>
  );
}

/** The customers a search found, each a link to its profile with what matched and what is known. */
export function MatchList({ matches, hrefOf }: { matches: SearchMatch[]; hrefOf: (profileId: string) => string }) {
  const t = useTranslations("Search");
  const timeline = useTranslations("Timeline");
  const lookup = useTranslations("Lookup");
  return (
    <ul
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
      aria-label={t("title", { query: "" })}
    >
      {matches.map((match) => (
        <li key={match.profileId} className="space-y-1 p-4 text-sm" data-profile-id={match.profileId}>
          <Link href={hrefOf(match.profileId)} className="font-medium text-sky-800 underline">
            <BreakableId value={match.customerUserId ?? match.profileId} />
          </Link>
          {match.customerUserId !== null ? (
            <BreakableId className="block font-mono text-xs text-slate-500" value={match.profileId} />
          ) : (
            <span className="block text-xs text-slate-500">{lookup("anonymous")}</span>
          )}
          {match.email ? <p className="break-all text-slate-700">{match.email}</p> : null}
          <p className="text-xs text-slate-600">
            {match.lastEventType && match.lastEventAt ? (
              <>
                {t("lastEvent", {
                  event: isAdaptyEventType(match.lastEventType)
                    ? timeline(`names.${match.lastEventType}`)
                    : timeline("names.unknown", { type: match.lastEventType }),
                })}{" "}
                <LocalTime date={match.lastEventAt} relative />
              </>
            ) : (
              t("noEvents")
            )}
          </p>
          <AccessList match={match} />
          <p className="text-xs text-slate-500">
            {t("matched", { what: match.matchedBy.map((reason) => t(`matchedBy.${reason}`)).join(", ") })}
          </p>
        </li>
      ))}
    </ul>
  );
}
