import { Notes } from "@/app/(console)/profiles/notes";
import { Timeline, type TimelineParams } from "@/app/(console)/profiles/timeline";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/shell/client-messages";
import { PageFailure } from "@/components/profiles/page-failure";
import { ProfileView } from "@/components/profiles/profile-view";
import { SavedNotice } from "@/components/profiles/saved-notice";
import type { UserRef } from "@/lib/adapty/types";
import type { TicketParam } from "@/lib/change/ticket";
import { isValidUserId } from "@/lib/profiles/user-ids";
import { grantAccessAction } from "@/server/access/grant-access";
import { revokeAccessAction } from "@/server/access/revoke-access";
import { requestApprovalAction } from "@/server/approvals/request-approval";
import { policyViewOf } from "@/server/policy/policy-view";
import { undoActionsFor } from "@/server/undo/undo-actions";
import { readProfile } from "@/server/adapty/read-profile";
import { can } from "@/server/auth/permissions";
import { requireStaffPage } from "@/server/auth/require-staff";
import { getEnv } from "@/server/env";
import { loadProfileAction } from "@/server/profiles/load-profile";
import { noteProfileOpened } from "@/server/profiles/recent-lookups";
import { recordProfileView } from "@/server/profiles/record-view";
import { replySummaryAction } from "@/server/summary/reply-summary";
import { indexProfileAfterAnswer } from "@/server/webhooks/index-profile";

/** The query of both deep links: the ticket, `saved`, and the timeline's filters and cursor. */
export type ProfileSearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Both deep links render this: the profile as Adapty has it now, the notes staff keep on it
 * (the console's own), its timeline (Adapty's events and the console's own rows), and,
 * when Adapty cannot answer, why — in place, with a retry.
 * Opening a profile is recorded (profile.viewed, once per few minutes per person and
 * customer) and joins the agent's recent lookups. `saved`: an edit of it was just saved.
 */
export async function ProfilePage({
  user,
  ticket,
  saved,
  params = {},
}: {
  user: UserRef;
  ticket: TicketParam;
  saved?: boolean;
  /** The page's search parameters: the timeline's filters and page. */
  params?: TimelineParams;
}) {
  const staff = await requireStaffPage("profiles.read");
  const id = user.profileId ?? user.customerUserId;
  const how = user.profileId !== undefined ? "profile" : "customer";
  if (!isValidUserId(id)) return <PageFailure failure={{ kind: "invalid_id" }} id={id.slice(0, 100)} how={how} />;

  const read = await readProfile(user);
  if ("failure" in read) return <PageFailure failure={read.failure} id={id} how={how} />;
  const { profile } = read;

  indexProfileAfterAnswer(profile);
  const [policy] = await Promise.all([
    policyViewOf(staff),
    recordProfileView(staff, profile),
    noteProfileOpened(staff.id, profile.profile_id, profile.customer_user_id),
  ]);

  return (
    <ClientMessages part="profile">
      <div className="space-y-6">
        {saved ? <SavedNotice message={(await getTranslations("ProfileForm"))("saved")} /> : null}
        <ProfileView
          initialProfile={profile}
          ticket={ticket}
          changes={{
            accessLevels: getEnv().adapty.accessLevels,
            canGrant: can(staff.role, "access.grant"),
            policy,
            canRevoke: can(staff.role, "access.revoke"),
            canEdit: can(staff.role, "profiles.write"),
          }}
          actions={{
            load: loadProfileAction,
            grant: grantAccessAction,
            askApproval: requestApprovalAction,
            revoke: revokeAccessAction,
            summary: replySummaryAction,
          }}
        />
        <Notes profileId={profile.profile_id} staff={staff} ticket={ticket.ticket} />
        <Timeline
          profileId={profile.profile_id}
          customerUserId={profile.customer_user_id ?? null}
          params={params}
          ticket={ticket}
          undoActions={undoActionsFor(staff.role)}
        />
      </div>
    </ClientMessages>
  );
}
