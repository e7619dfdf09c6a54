import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/ui/local-time";
import { userHistory } from "@/server/audit/query";
import { getDb } from "@/server/db";
import { OutcomeBadge } from "@/components/audit/outcome-badge";

/** The console's own record of what staff did to one customer: who, what, why, and how it went. */
export async function UserHistory({
  profileId,
  customerUserId,
}: {
  profileId?: string | null;
  customerUserId?: string | null;
}) {
  const t = await getTranslations("UserHistory");
  const audit = await getTranslations("Audit");
  const rows = await userHistory(await getDb(), { profileId, customerUserId });
  return (
    <section aria-labelledby="user-history" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="user-history" className="text-base font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {rows.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-100">
          {rows.map((row) => (
            <li
              key={row.id}
              className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2 text-sm"
              data-audit-id={row.id}
            >
              <LocalTime date={row.occurredAt} relative />
              <span className="font-medium">{audit("actionName", { action: row.action.replaceAll(".", "_") })}</span>
              <span className="text-slate-600">{row.actorEmail}</span>
              <OutcomeBadge outcome={row.outcome} />
              {row.reason ? <span className="basis-full text-slate-700">{row.reason}</span> : null}
              {row.ticket ? (
                <span className="text-xs text-slate-500">{audit("ticket", { ticket: row.ticket })}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
