import Link from "next/link";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { ApprovalView, BatchAsked } from "@/lib/approvals/view";
import { useLimitWords } from "@/components/policy/limit-words";
import { byProfilePath } from "@/lib/profiles/user-ids";

/** What a request asks, who asked, why, and which limits it goes beyond. */
export function RequestDetails({ request }: { request: ApprovalView }) {
  const t = useTranslations("Approvals");
  return (
    <div className="min-w-0 space-y-2 text-sm">
      {request.batch ? <BatchAsks request={request} batch={request.batch} /> : <GrantAsks request={request} />}
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {request.batch ? null : <GrantTerms request={request} />}
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

/** A grant: who asks to give which level to whom. */
function GrantAsks({ request }: { request: ApprovalView }) {
  const t = useTranslations("Approvals");
  const customer = request.customerUserId ?? request.profileId ?? "—";
  return (
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
  );
}

/** A grant's period, and the limits of its requester's policy it goes beyond. */
function GrantTerms({ request }: { request: ApprovalView }) {
  const t = useTranslations("Approvals");
  const limit = useLimitWords();
  return (
    <>
      <dt className="text-slate-500">{t("period")}</dt>
      <dd>
        {request.startsAt ? <LocalTime date={new Date(request.startsAt)} /> : t("fromNow")} →{" "}
        {request.endsAt ? <LocalTime date={new Date(request.endsAt)} /> : t("lifetime")}
      </dd>
      <dt className="text-slate-500">{t("beyond")}</dt>
      <dd>{request.exceeds.map(limit).join("; ")}</dd>
    </>
  );
}

/** A bulk batch: who asks to start it, its file and its size, linking to its page. */
function BatchAsks({ request, batch }: { request: ApprovalView; batch: BatchAsked }) {
  const t = useTranslations("Approvals");
  return (
    <>
      <p className="font-medium text-slate-900">{t("bulkAsks", { requester: request.requestedByEmail })}</p>
      <p>
        {t.rich("bulkBatch", {
          fileName: batch.fileName,
          rows: batch.rows,
          batch: (chunks) => (
            <Link className="break-all underline" href={`/bulk/${batch.batchId}`}>
              {chunks}
            </Link>
          ),
        })}
      </p>
    </>
  );
}
