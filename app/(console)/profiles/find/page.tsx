import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageFailure } from "@/components/profiles/page-failure";
import { PageHeader } from "@/components/shell/page-header";
import { ticketQuery } from "@/lib/change/ticket";
import { byCustomerPath, byProfilePath, isUuid, isValidUserId } from "@/lib/profiles/user-ids";
import { AdaptyError } from "@/server/adapty";
import { requireStaffPage } from "@/server/auth/require-staff";
import { toFailure } from "@/server/adapty/failure";
import { findByUuid } from "@/server/profiles/find";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Lookup");
  return { title: t("title") };
}

type Props = { searchParams: Promise<{ q?: string | string[]; ticket?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * /profiles/find?q=<id>: a UUID may be a profile id or a customer user id, so both are
 * tried; one match goes straight to its profile, two are offered, none is said plainly.
 */
export default async function FindPage({ searchParams }: Props) {
  await requireStaffPage("profiles.read");
  const params = await searchParams;
  const id = first(params.q).trim();
  // Carried on as given: the profile page attaches it or says why not.
  const suffix = ticketQuery(params.ticket);
  if (!isValidUserId(id)) return <PageFailure failure={{ kind: "invalid_id" }} id={id.slice(0, 100)} how="both" />;
  if (!isUuid(id)) redirect(`${byCustomerPath(id)}${suffix}`);

  let found: Awaited<ReturnType<typeof findByUuid>>;
  try {
    found = await findByUuid(id);
  } catch (error) {
    if (!(error instanceof AdaptyError)) throw error;
    return <PageFailure failure={toFailure(error)} id={id} how="both" />;
  }
  const { byProfileId, byCustomerUserId } = found;
  if (byProfileId && !byCustomerUserId) redirect(`${byProfilePath(byProfileId.profile_id)}${suffix}`);
  if (byCustomerUserId && !byProfileId) redirect(`${byProfilePath(byCustomerUserId.profile_id)}${suffix}`);
  if (!byProfileId || !byCustomerUserId) return <PageFailure failure={{ kind: "not_found" }} id={id} how="both" />;

  const t = await getTranslations("Lookup");
  return (
    <div className="space-y-4">
      <PageHeader title={t("findTitle", { id })} intro={t("ambiguous", { id })} />
      <ul className="space-y-2">
        <li>
          <Link className="text-sky-800 underline" href={`${byProfilePath(byProfileId.profile_id)}${suffix}`}>
            {t("asProfileId", { id })}
          </Link>
        </li>
        <li>
          <Link className="text-sky-800 underline" href={`${byProfilePath(byCustomerUserId.profile_id)}${suffix}`}>
            {t("asCustomerUserId", { id })}
          </Link>
        </li>
      </ul>
    </div>
  );
}
