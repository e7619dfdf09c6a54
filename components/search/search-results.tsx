import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Candidate, IndexedAccessLevel } from "@/lib/search/combine";
import { parseAdaptyWebhookTime } from "@/lib/webhooks/time";
import { byProfilePath } from "@/lib/profiles/user-ids";

/** Several customers match: each with what tells them apart, and how it was found. */
export async function SearchResults({
  query,
  candidates,
  more,
  suffix,
}: {
  query: string;
  candidates: Candidate[];
  more: boolean;
  suffix: string;
}) {
  const t = await getTranslations("Search");
  const format = await getFormatter();
  const date = (value: string) => {
    const moment = parseAdaptyWebhookTime(value);
    return moment ? format.dateTime(moment, { dateStyle: "medium" }) : value;
  };
  const access = (level: IndexedAccessLevel) =>
    level.expiresAt === null
      ? t("accessLifetime", { level: level.id })
      : t(level.active ? "accessUntil" : "accessEnded", { level: level.id, date: date(level.expiresAt) });
  return (
    <section aria-labelledby="search-results" className="space-y-3">
      <h1 id="search-results" className="text-2xl font-semibold tracking-tight break-words">
        {t("title", { query })}
      </h1>
      <p className="text-sm text-slate-600">{t("intro", { count: candidates.length })}</p>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {candidates.map((candidate) => (
          <li key={candidate.profileId} className="space-y-1 p-4 text-sm" data-profile-id={candidate.profileId}>
            <Link
              className="font-medium break-all text-sky-800 underline"
              href={`${byProfilePath(candidate.profileId)}${suffix}`}
            >
              {candidate.customerUserId ?? t("anonymous", { profileId: candidate.profileId })}
            </Link>
            <p className="break-all text-slate-700">{candidate.email ?? t("noEmail")}</p>
            <p className="text-slate-600">
              {candidate.lastEventType && candidate.lastEventAt
                ? t("lastEvent", {
                    event: candidate.lastEventType,
                    when: format.dateTime(candidate.lastEventAt, { dateStyle: "medium", timeStyle: "short" }),
                  })
                : t("noEvents")}
            </p>
            <p className="text-slate-600">
              {candidate.accessLevels && candidate.accessLevels.length > 0
                ? candidate.accessLevels.map((level, index) => (
                    <span key={level.id}>
                      {index > 0 ? " · " : null}
                      {access(level)}
                    </span>
                  ))
                : t("noAccessKnown")}
            </p>
            <p className="text-xs text-slate-500">
              {t("foundBy", { ways: candidate.foundBy.map((how) => t("way", { how })).join(", ") })}
            </p>
          </li>
        ))}
      </ul>
      {more ? <p className="text-sm text-slate-600">{t("more", { count: candidates.length })}</p> : null}
    </section>
  );
}
