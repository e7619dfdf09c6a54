import { connection } from "next/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/shell/client-messages";
import { EnvironmentBanner } from "@/components/shell/environment-banner";
import { getEnv } from "@/server/env";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  await connection();
  const env = getEnv();
  return (
    <div className="flex min-h-screen flex-col">
      <EnvironmentBanner mode={env.mode} label={env.consoleEnvLabel} />
      <main className="flex flex-1 items-start justify-center px-6 py-16">
        <ClientMessages part="signIn">{children}</ClientMessages>
      </main>
    </div>
  );
}
