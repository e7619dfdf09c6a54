import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Shown with status 403 when a signed-in staff member's role does not allow a page.
export default async function Forbidden() {
  const t = await getTranslations("Forbidden");
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      <Link href="/profiles" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm text-white hover:bg-slate-700">
        {t("home")}
      </Link>
    </main>
  );
}
