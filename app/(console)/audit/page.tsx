import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Audit");
  return { title: t("title") };
}

export default async function AuditPage() {
  const t = await getTranslations("Audit");
  return <PageHeader title={t("title")} intro={t("intro")} />;
}
