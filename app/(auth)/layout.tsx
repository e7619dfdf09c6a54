import { connection } from "next/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/shell/client-messages";
import { EnvironmentBanner } from "@/components/shell/environment-banner";
import { LanguageMenu } from "@/components/shell/language-menu";
import { getEnv } from "@/server/env";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  await connection();
  const env = getEnv();
  return (
    <div className="flex min-h-screen flex-col">
      <EnvironmentBanner mode={env.mode} label={env.consoleEnvLabel} />
      <ClientMessages part="signIn">
        {/* Before signing in there is no staff row to keep the choice on: this browser keeps it. */}
        <div className="flex justify-end px-4 pt-3 sm:px-6">
          <LanguageMenu />
        </div>
        <main className="flex flex-1 items-start justify-center px-6 py-16">{children}</main>
      </ClientMessages>
    </div>
  );
}
