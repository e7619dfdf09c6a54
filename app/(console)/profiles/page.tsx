import type { Metadata } from "next";
import Link from "next/link";
import { BreakableId } from "@/components/ui/breakable-id";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Notice } from "@/components/ui/notice";
import { byProfilePath } from "@/lib/profiles/user-ids";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listRecentLookups } from "@/server/profiles/recent-lookups";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Lookup");
  return { title: t("title") };
}

/** The start page: the lookup box is in the header; here, this agent's recent lookups. */
export default async function LookupPage({ searchParams }: { searchParams: Promise<{ deleted?: string | string[] }> }) {
  const staff = await requireStaffPage("profiles.read");
  const t = await getTranslations("Lookup");
  const recent = await listRecentLookups(staff.id);
  const deleted = (await searchParams).deleted;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} intro={t("intro")} />
      {typeof deleted === "string" ? (
        <Notice tone="success">{t("deleted", { id: deleted.slice(0, 500) })}</Notice>
      ) : null}
      <section aria-labelledby="recent" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="recent" className="text-base font-semibold">
          {t("recentTitle")}
        </h2>
        {recent.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("recentEmpty")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {recent.map((lookup) => (
              <li key={lookup.profileId} className="py-2">
                <Link
                  href={byProfilePath(lookup.profileId)}
                  className="flex flex-wrap items-baseline gap-x-3 text-sm hover:underline"
                >
                  {lookup.customerUserId !== null ? (
                    <BreakableId className="font-medium" value={lookup.customerUserId} />
                  ) : (
                    <span className="font-medium">{t("anonymous")}</span>
                  )}
                  <BreakableId className="font-mono text-xs text-slate-500" value={lookup.profileId} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
