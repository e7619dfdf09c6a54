import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BatchLive } from "@/components/bulk/batch-live";
import { StatusWord } from "@/components/bulk/count-line";
import { RowsTable } from "@/components/bulk/rows-table";
import { ClientMessages } from "@/components/shell/client-messages";
import { LocalTime } from "@/components/ui/local-time";
import { readPage, readRowFilter } from "@/lib/bulk/row-filter";
import { requireStaffPage } from "@/server/auth/require-staff";
import {
  cancelBatchAction,
  checkBatchAction,
  pauseBatchAction,
  resumeBatchAction,
  startBatchAction,
} from "@/server/bulk/actions";
import { batchRows, loadBatch } from "@/server/bulk/read";
import { isBatchId } from "@/server/bulk/route-staff";
import { getDb } from "@/server/db";
import { readSettings } from "@/server/policy/settings-store";

const actions = {
  check: checkBatchAction,
  start: startBatchAction,
  pause: pauseBatchAction,
  resume: resumeBatchAction,
  cancel: cancelBatchAction,
};

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Bulk"))("batchTitle") };
}

/** One batch: its file, status and who started it; what its status allows (live); a page of its rows. */
export default async function BatchPage({ params, searchParams }: Props) {
  const staff = await requireStaffPage("bulk.run");
  const t = await getTranslations("Bulk");
  const { id } = await params;
  if (!isBatchId(id)) notFound();
  const search = await searchParams;
  const filter = readRowFilter(search.rows);
  const page = readPage(search.page);
  const batch = await loadBatch(id, staff);
  if (!batch) notFound();
  const [rows, duplicates, stored] = await Promise.all([
    batchRows(id, filter, page - 1), // counted from 0 there, from 1 in the address
    batch.status === "draft" ? batchRows(id, "duplicates", 0).then((found) => found.total) : 0,
    readSettings(await getDb()),
  ]);
  return (
    <ClientMessages part="bulk">
      <div className="space-y-6">
        <Link href="/bulk" className="text-sm underline">
          {t("allBatches")}
        </Link>
        <header className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{batch.fileName}</h1>
          <p className="text-sm text-slate-600">
            <StatusWord status={batch.status} /> · {t("uploadedBy", { email: batch.createdByEmail })}{" "}
            <LocalTime date={new Date(batch.createdAt)} />
          </p>
          <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">
            {t("readWith", { zone: batch.zone, reason: batch.reason })}
            {batch.ticket ? ` · ${t("confirmTicket", { ticket: batch.ticket })}` : null}
          </p>
        </header>
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <BatchLive
            initial={batch}
            duplicates={duplicates}
            actions={actions}
            approvalRows={stored.settings.batchRowsWithoutApproval}
          />
        </div>
        <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-5">
          <RowsTable batchId={batch.id} zone={batch.zone} rows={{ ...rows, filter, page }} />
        </div>
      </div>
    </ClientMessages>
  );
}
