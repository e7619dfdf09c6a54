import { useTranslations } from "next-intl";
import type { Role } from "@/lib/staff/roles";
import type { FormAction } from "@/lib/auth/sign-in";

/** Who is signed in, in what role, and the way out — on every console page. */
export function StaffMenu({ email, role, signOut }: { email: string; role: Role; signOut: FormAction }) {
  const t = useTranslations("Header");
  return (
    <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
      <span className="min-w-0 truncate text-slate-600" title={email}>
        <span className="sr-only">{t("signedInAs")} </span>
        {email}
      </span>
      <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
        {t("role", { role })}
      </span>
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
