import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { ApprovalView } from "@/lib/approvals/view";
import { useLimitWords } from "@/components/policy/limit-words";
import { byProfilePath } from "@/lib/profiles/user-ids";

/** What a request asks, who asked, why, and which limits it goes beyond. */
export function RequestDetails({ request }: { request: ApprovalView }) {
  const t = useTranslations("Approvals");
  const limit = useLimitWords();
  const customer = request.customerUserId ?? request.profileId ?? "—";
  return (
    <div className="min-w-0 space-y-2 text-sm">
      <p className="font-medium text-slate-900">
        {t.rich("asks", {
          requester: request.requestedByEmail,
          level: request.accessLevelId,
          customer: () =>
            request.profileId ? (
              <Link className="break-all underline" href={byProfilePath(request.profileId)}>
                {customer}
              </Link>
            ) : (
              <span className="break-all">{customer}</span>
            ),
        })}
      </p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-500">{t("period")}</dt>
        <dd>
          {request.startsAt ? <LocalTime date={new Date(request.startsAt)} /> : t("fromNow")} →{" "}
          {request.endsAt ? <LocalTime date={new Date(request.endsAt)} /> : t("lifetime")}
        </dd>
        <dt className="text-slate-500">{t("beyond")}</dt>
        <dd>{request.exceeds.map(limit).join("; ")}</dd>
        <dt className="text-slate-500">{t("reason")}</dt>
        <dd className="whitespace-pre-wrap break-words">{request.reason}</dd>
        {request.ticket ? (
          <>
            <dt className="text-slate-500">{t("ticket")}</dt>
            <dd className="break-all">{request.ticket}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">{t("asked")}</dt>
        <dd>
          <LocalTime date={new Date(request.requestedAt)} relative />
        </dd>
        {request.status === "pending" ? (
          <>
            <dt className="text-slate-500">{t("expires")}</dt>
            <dd>
              <LocalTime date={new Date(request.expiresAt)} relative />
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
