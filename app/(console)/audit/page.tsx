import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { requireStaffPage } from "@/server/auth/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Audit");
  return { title: t("title") };
}

export default async function AuditPage() {
  await requireStaffPage("audit.read");
  const t = await getTranslations("Audit");
  return <PageHeader title={t("title")} intro={t("intro")} />;
}
