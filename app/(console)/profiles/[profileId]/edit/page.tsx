import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DeleteProfile } from "@/components/profiles/delete-profile";
import { PageFailure } from "@/components/profiles/page-failure";
import { ProfileForm } from "@/components/profiles/profile-form";
import { PageHeader } from "@/components/shell/page-header";
import { decodeSegment } from "@/lib/profiles/decode-segment";
import { isUuid } from "@/lib/profiles/user-ids";
import { AdaptyError, getAdaptyClient } from "@/server/adapty";
import type { Profile } from "@/lib/adapty/types";
import { can } from "@/server/auth/permissions";
import { requireStaffPage } from "@/server/auth/require-staff";
import { toFailure } from "@/server/adapty/failure";

type Props = { params: Promise<{ profileId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ProfileForm");
  return { title: t("editProfile") };
}

/** /profiles/<profile id>/edit — the create form in edit mode, and delete for admins. */
export default async function EditProfilePage({ params }: Props) {
  const staff = await requireStaffPage("profiles.write");
  const profileId = decodeSegment((await params).profileId);
  if (!isUuid(profileId))
    return <PageFailure failure={{ kind: "invalid_id" }} id={profileId.slice(0, 100)} how="profile" />;
  let profile: Profile;
  try {
    profile = (await getAdaptyClient().getProfile({ profileId })).value;
  } catch (error) {
    if (!(error instanceof AdaptyError)) throw error;
    return <PageFailure failure={toFailure(error)} id={profileId} how="profile" />;
  }
  const t = await getTranslations("ProfileForm");
  const customer = profile.customer_user_id ?? profile.profile_id;
  return (
    <div className="space-y-6">
      <PageHeader title={t("editTitle", { customer })} intro={t("editIntro")} />
      <ProfileForm mode="edit" profileId={profile.profile_id} attributes={profile.custom_attributes} />
      {can(staff.role, "profiles.delete") ? (
        <DeleteProfile profileId={profile.profile_id} confirmId={customer} />
      ) : null}
    </div>
  );
}
