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
import { countPending } from "@/server/approvals/store";
import { getDb } from "@/server/db";
import { signOutEverywhere } from "@/server/auth/sign-in-actions";
import { setOwnLanguageAction } from "@/server/staff/set-own-language";
import { ClientMessages } from "@/components/shell/client-messages";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  await connection(); // rendered per request: it reads the session and run-time configuration
  const staff = await requireStaffPage("profiles.read");
  const env = getEnv();
  const [recent, pending] = await Promise.all([
    listRecentLookups(staff.id),
    can(staff.role, "approvals.decide") ? getDb().then(countPending) : 0,
  ]);
  const t = await getTranslations("App");
  const links: NavKey[] = [
    "lookup",
    ...(can(staff.role, "profiles.write") ? (["createProfile"] as const) : []),
    "audit",
    ...(can(staff.role, "bulk.run") ? (["bulk"] as const) : []),
    ...(can(staff.role, "approvals.decide") ? (["approvals"] as const) : []),
    ...(can(staff.role, "staff.manage") ? (["staff"] as const) : []),
    ...(can(staff.role, "settings.manage") ? (["settings"] as const) : []),
  ];
  return (
    <ClientMessages part="consoleShell">
      <div className="flex min-h-screen flex-col">
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          {t("skipToContent")}
        </a>
        <EnvironmentBanner mode={env.mode} label={env.consoleEnvLabel} />
        <header className="border-b border-slate-200 bg-white">
          {/* One row from 1024 px when it fits; longer labels (Vietnamese, a long email) move the
            staff menu to a second row, whole, rather than squeezing the lookup box and the email.
            Below 1024 px: name and the staff menu first (Sign out always on screen), then the
            sections, then the lookup box across the width. */}
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:gap-x-4">
            <span className="whitespace-nowrap text-sm font-semibold tracking-tight">{t("name")}</span>
            <div className="order-last w-full lg:order-none lg:w-auto">
              <ConsoleNav links={links} pending={pending} />
            </div>
            <div className="order-last w-full lg:order-none lg:w-56 lg:shrink xl:w-64">
              <LookupBox recent={recent.map((lookup) => lookup.customerUserId ?? lookup.profileId)} />
            </div>
            <StaffMenu
              email={staff.email}
              role={staff.role}
              signOut={signOutEverywhere}
              language={{ save: setOwnLanguageAction, stored: staff.language }}
            />
          </div>
        </header>
        <main id="content" className="mx-auto w-full min-w-0 max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
          <QueryProvider>{children}</QueryProvider>
        </main>
      </div>
    </ClientMessages>
  );
}
