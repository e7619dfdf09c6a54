import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProfileForm } from "@/components/profiles/profile-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireStaffPage } from "@/server/auth/require-staff";
import { createProfileAction } from "@/server/profiles/create-profile";
import { ClientMessages } from "@/components/shell/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("CreateProfile");
  return { title: t("title") };
}

export default async function CreateProfilePage() {
  await requireStaffPage("profiles.write");
  const t = await getTranslations("CreateProfile");
  return (
    <ClientMessages part="profileForm">
      <div className="space-y-6">
        <PageHeader title={t("title")} intro={t("intro")} />
        <ProfileForm mode="create" action={createProfileAction} />
      </div>
    </ClientMessages>
  );
}
