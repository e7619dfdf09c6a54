import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageFailure } from "@/components/profiles/page-failure";
import { MatchList } from "@/components/search/match-list";
import { NoMatch } from "@/components/search/no-match";
import { PageHeader } from "@/components/shell/page-header";
import { ticketQuery } from "@/lib/change/ticket";
import { byProfilePath, isValidUserId } from "@/lib/profiles/user-ids";
import type { SearchOutcome } from "@/lib/search/combine";
import { AdaptyError } from "@/server/adapty";
import { toFailure } from "@/server/adapty/failure";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { searchCustomers } from "@/server/webhooks/customer-search";
import { MAX_MATCHES } from "@/server/webhooks/search";
import { webhookConnectedAt } from "@/server/webhooks/timeline-events";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Lookup");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ q?: string | string[]; ticket?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * /profiles/find?q=…: what the lookup box sends. Adapty is asked by exact id (a UUID both as
 * profile id and customer user id) and the console's index by email, transaction id and
 * customer-user-id prefix; one customer opens its profile (the ticket carried on), several
 * are listed, none is explained.
 */
export default async function FindPage({ searchParams }: Props) {
  await requireStaffPage("profiles.read");
  const params = await searchParams;
  const query = first(params.q).trim();
  // Carried on as given: the profile page attaches it or says why not.
  const suffix = ticketQuery(params.ticket);
  if (!isValidUserId(query))
    return <PageFailure failure={{ kind: "invalid_id" }} id={query.slice(0, 100)} how="both" />;

  const db = await getDb();
  let found: SearchOutcome;
  try {
    found = await searchCustomers(db, query);
  } catch (error) {
    if (!(error instanceof AdaptyError)) throw error;
    return <PageFailure failure={toFailure(error)} id={query} how="both" />;
  }
  if (found.kind === "one") redirect(`${byProfilePath(found.profileId)}${suffix}`);
  if (found.kind === "none") return <NoMatch query={query} indexSince={await webhookConnectedAt(db)} />;

  const t = await getTranslations("Search");
  const shown = found.matches.slice(0, MAX_MATCHES);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title", { query })} intro={t("intro", { count: shown.length })} />
      {found.matches.length > MAX_MATCHES ? (
        <p className="text-sm text-slate-600">{t("more", { count: MAX_MATCHES })}</p>
      ) : null}
      <MatchList matches={shown} hrefOf={(profileId) => `${byProfilePath(profileId)}${suffix}`} />
    </div>
  );
}
