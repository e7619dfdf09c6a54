import { useTranslations } from "next-intl";
import type { Role } from "@/lib/staff/roles";
import type { FormAction } from "@/lib/auth/sign-in";
import { LanguageMenu, type SaveLanguage } from "./language-menu";

/** Who is signed in, in what role, and the way out — on every console page. */
export function StaffMenu({
  email,
  role,
  signOut,
  language,
}: {
  email: string;
  role: Role;
  signOut: FormAction;
  language: { save: SaveLanguage; stored: string | null };
}) {
  const t = useTranslations("Header");
  return (
    // Below 640 px the email takes a line of its own under the rest, rather than shrinking to "a…".
    <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm sm:flex-nowrap">
      <span
        className="order-last w-full min-w-0 truncate text-right text-slate-600 sm:order-none sm:w-auto"
        title={email}
      >
        <span className="sr-only">{t("signedInAs")} </span>
        {email}
      </span>
      <span className="shrink-0 whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
        {t("role", { role })}
      </span>
      <LanguageMenu save={language.save} stored={language.stored} />
      <form action={signOut}>
        <button
          type="submit"
          className="whitespace-nowrap rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        >
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
