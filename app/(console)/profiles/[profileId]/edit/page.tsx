import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeleteProfile } from "@/components/profiles/delete-profile";
import { PageFailure } from "@/components/profiles/page-failure";
import { ProfileForm } from "@/components/profiles/profile-form";
import { PageHeader } from "@/components/shell/page-header";
import { decodeSegment } from "@/lib/profiles/decode-segment";
import { readTicketParam } from "@/lib/change/ticket";
import { isUuid } from "@/lib/profiles/user-ids";
import { readProfile } from "@/server/adapty/read-profile";
import { can } from "@/server/auth/permissions";
import { requireStaffPage } from "@/server/auth/require-staff";
import { deleteProfileAction } from "@/server/profiles/delete-profile";
import { deviceIdFor } from "@/server/profiles/device-id";
import { updateProfileAction } from "@/server/profiles/update-profile";
import { ClientMessages } from "@/components/shell/client-messages";

type Props = { params: Promise<{ profileId: string }>; searchParams: Promise<{ ticket?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ProfileForm");
  return { title: t("editProfile") };
}

/** /profiles/<profile id>/edit — the create form in edit mode, and delete for admins; both carry ?ticket=. */
export default async function EditProfilePage({ params, searchParams }: Props) {
  const staff = await requireStaffPage("profiles.write");
  const profileId = decodeSegment((await params).profileId);
  if (!isUuid(profileId))
    return <PageFailure failure={{ kind: "invalid_id" }} id={profileId.slice(0, 100)} how="profile" />;
  const read = await readProfile({ profileId });
  if ("failure" in read) return <PageFailure failure={read.failure} id={profileId} how="profile" />;
  const { profile } = read;
  const t = await getTranslations("ProfileForm");
  // Only an attachable ticket prefills the forms; the profile page already said why another was not.
  const { ticket } = readTicketParam((await searchParams).ticket);
  const customer = profile.customer_user_id ?? profile.profile_id;
  return (
    <ClientMessages part="profileForm">
      <div className="space-y-6">
        <PageHeader title={t("editTitle", { customer })} intro={t("editIntro")} />
        <ProfileForm
          mode="edit"
          profileId={profile.profile_id}
          attributes={profile.custom_attributes}
          deviceId={deviceIdFor(profile.profile_id)}
          ticket={ticket}
          action={updateProfileAction}
        />
        {can(staff.role, "profiles.delete") ? (
          <DeleteProfile
            profileId={profile.profile_id}
            confirmId={customer}
            ticket={ticket}
            action={deleteProfileAction}
          />
        ) : null}
      </div>
    </ClientMessages>
  );
}
