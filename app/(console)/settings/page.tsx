import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsForm } from "@/components/settings/settings-form";
import { ClientMessages } from "@/components/shell/client-messages";
import { PageHeader } from "@/components/shell/page-header";
import { LocalTime } from "@/components/ui/local-time";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getDb } from "@/server/db";
import { getEnv } from "@/server/env";
import { saveSettingsAction } from "@/server/policy/save-settings";
import { readSettings } from "@/server/policy/settings-store";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Settings"))("title") };
}

/** The grant policy per role and the approval and undo windows, set by admins. */
export default async function SettingsPage() {
  await requireStaffPage("settings.manage");
  const t = await getTranslations("Settings");
  const stored = await readSettings(await getDb());
  const levels = [
    ...new Set([
      ...getEnv().adapty.accessLevels,
      ...(stored.settings.policy.agent.levels ?? []),
      ...(stored.settings.policy.admin.levels ?? []),
    ]),
  ];
  return (
    <ClientMessages part="settings">
      <div className="space-y-6">
        <PageHeader title={t("title")} intro={t("intro")} />
        <p className="text-sm text-slate-600">
          {stored.updatedAt && stored.updatedByEmail ? (
            <>
              {t("lastChanged", { email: stored.updatedByEmail })} <LocalTime date={stored.updatedAt} />
            </>
          ) : (
            t("defaults")
          )}
        </p>
        <SettingsForm settings={stored.settings} version={stored.version} levels={levels} action={saveSettingsAction} />
      </div>
    </ClientMessages>
  );
}
