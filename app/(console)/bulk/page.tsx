import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BatchList } from "@/components/bulk/batch-list";
import { UploadForm } from "@/components/bulk/upload-form";
import { ClientMessages } from "@/components/shell/client-messages";
import { PageHeader } from "@/components/shell/page-header";
import { requireStaffPage } from "@/server/auth/require-staff";
import { listBatches } from "@/server/bulk/read";

const card = "rounded-lg border border-slate-200 bg-white";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Bulk"))("title") };
}

/** Grants and revokes from a CSV file: the upload (which makes a draft, nothing sent) and the batches so far. */
export default async function BulkPage() {
  await requireStaffPage("bulk.run");
  const t = await getTranslations("Bulk");
  const batches = await listBatches();
  return (
    <ClientMessages part="bulk">
      <div className="space-y-8">
        <PageHeader title={t("title")} intro={t("intro")} />
        <section aria-labelledby="bulk-upload" className={`${card} space-y-4 p-5`}>
          <h2 id="bulk-upload" className="text-base font-semibold">
            {t("uploadTitle")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-700">{t("columns")}</p>
          <p className="text-sm">
            <a href="/bulk/template.csv" download className="font-medium underline">
              {t("template")}
            </a>
          </p>
          <UploadForm />
        </section>
        <section aria-labelledby="bulk-batches" className={card}>
          <h2 id="bulk-batches" className="px-5 pb-2 pt-5 text-base font-semibold">
            {t("batchesTitle")}
          </h2>
          <BatchList batches={batches} />
        </section>
      </div>
    </ClientMessages>
  );
}
