import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CreateProfile");
  return { title: t("title") };
}

export default async function CreateProfilePage() {
  const t = await getTranslations("CreateProfile");
  return <PageHeader title={t("title")} intro={t("intro")} />;
}
