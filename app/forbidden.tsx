import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";

// Shown with status 403 when a signed-in staff member's role does not allow a page.
export default async function Forbidden() {
  const t = await getTranslations("Forbidden");
  return <StatusPage status={403} title={t("title")} body={t("body")} home={t("home")} />;
}
