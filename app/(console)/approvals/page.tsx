import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DecisionForm } from "@/components/approvals/decision-form";
import { RequestDetails } from "@/components/approvals/request-details";
import { ClientMessages } from "@/components/shell/client-messages";
import { PageHeader } from "@/components/shell/page-header";
import { LocalTime } from "@/components/ui/local-time";
import { approveRequestAction } from "@/server/approvals/approve";
import { declineRequestAction } from "@/server/approvals/decline";
import { approvalQueue } from "@/server/approvals/list";
import { requireStaffPage } from "@/server/auth/require-staff";
import { approveBatchAction, declineBatchAction } from "@/server/bulk/decide-batch";

// A grant's decision grants (or not); a bulk batch's starts it (or ends it, nothing sent).
const actions = {
  grant: { approve: approveRequestAction, decline: declineRequestAction },
  bulk: { approve: approveBatchAction, decline: declineBatchAction },
};
const card = "rounded-lg border border-slate-200 bg-white p-5";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Approvals"))("title") };
}

/** The four-eyes queue: grants beyond their requester's policy, waiting for another admin. */
export default async function ApprovalsPage() {
  const admin = await requireStaffPage("approvals.decide");
  const t = await getTranslations("Approvals");
  const { pending, decided } = await approvalQueue(admin);
  return (
    <ClientMessages part="approvals">
      <div className="space-y-8">
        <PageHeader title={t("title")} intro={t("intro")} />
        <section aria-labelledby="pending-requests" className="space-y-4">
          <h2 id="pending-requests" className="text-base font-semibold">
            {t("pendingTitle", { count: pending.length })}
          </h2>
          {pending.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : null}
          {pending.map((request) => (
            <article
              key={request.id}
              className={`${card} grid gap-5 lg:grid-cols-[3fr_2fr]`}
              data-request-id={request.id}
            >
              <RequestDetails request={request} />
              {request.own ? (
                <p className="text-sm text-slate-600">{t("ownRequest")}</p>
              ) : (
                <DecisionForm requestId={request.id} kind={request.kind} actions={actions[request.kind]} />
              )}
            </article>
          ))}
        </section>
        {decided.length > 0 ? (
          <section aria-labelledby="decided-requests" className="space-y-4">
            <h2 id="decided-requests" className="text-base font-semibold">
              {t("decidedTitle")}
            </h2>
            {decided.map((request) => (
              <article key={request.id} className={`${card} space-y-3`} data-request-id={request.id}>
                <RequestDetails request={request} />
                <p className="text-sm">
                  <span className="font-medium">{t("status", { status: request.status })}</span>
                  {request.decidedByEmail ? ` · ${t("decidedBy", { email: request.decidedByEmail })}` : null}
                  {request.decidedAt ? (
                    <>
                      {" · "}
                      <LocalTime date={new Date(request.decidedAt)} />
                    </>
                  ) : null}
                </p>
                {request.comment ? <p className="whitespace-pre-wrap break-words text-sm">{request.comment}</p> : null}
                {request.auditEventId ? (
                  <Link className="text-sm underline" href={`/audit?before=${request.auditEventId + 1}`}>
                    {t("auditRow", { id: request.auditEventId })}
                  </Link>
                ) : null}
              </article>
            ))}
          </section>
        ) : null}
      </div>
    </ClientMessages>
  );
}
