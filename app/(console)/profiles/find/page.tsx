import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageFailure } from "@/components/profiles/page-failure";
import { SearchResults } from "@/components/search/search-results";
import { ticketQuery } from "@/lib/change/ticket";
import { byProfilePath, isUuid, isValidUserId } from "@/lib/profiles/user-ids";
import { AdaptyError } from "@/server/adapty";
import { toFailure } from "@/server/adapty/failure";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { searchCustomers } from "@/server/profiles/search-customers";
import { historySince } from "@/server/webhooks/timeline-events";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Lookup");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ q?: string | string[]; ticket?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** When nothing matched: what the console's index covers, so "not found" is not mistaken for "does not exist". */
async function IndexCoverage() {
  const t = await getTranslations("Search");
  const format = await getFormatter();
  const history = await historySince(await getDb(), getEnv().webhook.retentionDays);
  return (
    <p className="mt-3 max-w-2xl text-sm text-slate-600">
      {history
        ? t("indexCovers", { since: format.dateTime(history.since, { dateStyle: "medium" }) })
        : t("indexCoversNoWebhook")}
    </p>
  );
}

/**
 * /profiles/find?q=…, where the lookup box and helpdesk links land: exact ids at Adapty
 * (a UUID as profile id and as customer user id, anything else as customer user id) and
 * the console's index (email, store transaction ids, the start of a customer user id).
 * One customer opens; several are offered; none is said, with what was searched.
 */
export default async function FindPage({ searchParams }: Props) {
  await requireStaffPage("profiles.read");
  const params = await searchParams;
  const query = first(params.q).trim();
  // Carried on as given: the profile page attaches it or says why not.
  const suffix = ticketQuery(params.ticket);
  if (!isValidUserId(query))
    return <PageFailure failure={{ kind: "invalid_id" }} id={query.slice(0, 100)} how="both" />;

  let outcome: Awaited<ReturnType<typeof searchCustomers>>;
  try {
    outcome = await searchCustomers(query);
  } catch (error) {
    if (!(error instanceof AdaptyError)) throw error;
    return <PageFailure failure={toFailure(error)} id={query} how={isUuid(query) ? "both" : "customer"} />;
  }
  if (outcome.kind === "one") redirect(`${byProfilePath(outcome.profileId)}${suffix}`);
  if (outcome.kind === "several")
    return <SearchResults query={query} candidates={outcome.candidates} more={outcome.more} suffix={suffix} />;
  return (
    <div>
      <PageFailure failure={{ kind: "not_found" }} id={query} how={isUuid(query) ? "both" : "customer"} />
      <IndexCoverage />
    </div>
  );
}
