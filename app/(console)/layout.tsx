import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ConsoleNav, type NavKey } from "@/components/shell/console-nav";
import { EnvironmentBanner } from "@/components/shell/environment-banner";
import { LookupBox } from "@/components/profiles/lookup-box";
import { QueryProvider } from "@/components/shell/query-provider";
import { StaffMenu } from "@/components/shell/staff-menu";
import { listRecentLookups } from "@/server/profiles/recent-lookups";
import { can } from "@/server/auth/permissions";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getEnv } from "@/server/env";
import { signOutEverywhere } from "@/server/auth/sign-in-actions";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  await connection(); // rendered per request: it reads the session and run-time configuration
  const staff = await requireStaffPage("profiles.read");
  const env = getEnv();
  const recent = await listRecentLookups(staff.id);
  const t = await getTranslations("App");
  const links: NavKey[] = [
    "lookup",
    ...(can(staff.role, "profiles.write") ? (["createProfile"] as const) : []),
    "audit",
    ...(can(staff.role, "staff.manage") ? (["staff"] as const) : []),
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
      >
        {t("skipToContent")}
      </a>
      <EnvironmentBanner mode={env.mode} label={env.consoleEnvLabel} />
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-6 py-3">
          <span className="whitespace-nowrap text-sm font-semibold tracking-tight">{t("name")}</span>
          <ConsoleNav links={links} />
          <LookupBox recent={recent.map((lookup) => lookup.customerUserId ?? lookup.profileId)} />
          <StaffMenu email={staff.email} role={staff.role} signOut={signOutEverywhere} />
        </div>
      </header>
      <main id="content" className="mx-auto w-full max-w-6xl flex-1 px-6 py-8">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
