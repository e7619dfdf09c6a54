"use client";

import type { PolicyView } from "@/lib/policy/settings";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useState } from "react";
import { ChangeButton } from "@/components/access/change-button";
import { ReplySummaryButton } from "@/components/summary/summary-button";
import type { ReplySummaryActionFn } from "@/components/summary/summary-panel";
import { BreakableId } from "@/components/ui/breakable-id";
import { CopyButton } from "@/components/ui/copy-button";
import { Notice } from "@/components/ui/notice";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";
import type { GrantInput, RevokeInput } from "@/lib/access/schema";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeActionFn, ConsoleAction } from "@/lib/change/action";
import type { AdaptyFailure, ReadResult } from "@/lib/change/outcome";
import type { TicketParam } from "@/lib/change/ticket";
import { byProfilePath, withQuery } from "@/lib/profiles/user-ids";
import { AccessLevelsSection } from "./access-levels-section";
import { AttributesSection } from "./attributes-section";
import { ProfileFailure } from "./profile-failure";
import { TicketNotice } from "./ticket-notice";
import { profileQueryKey } from "@/lib/profiles/query-key";
import { PurchasesSection } from "./purchases-section";
import { SubscriptionsSection } from "./subscriptions-section";

// Loaded on first use (change-button.tsx): the page itself only shows the customer.
const loadGrantDialog = () => import("@/components/access/grant-dialog").then((module) => module.GrantDialog);
const loadRevokeDialog = () => import("@/components/access/revoke-dialog").then((module) => module.RevokeDialog);

class RefreshFailed extends Error {
  constructor(readonly failure: AdaptyFailure | undefined) {
    super("refresh failed");
  }
}

/**
 * A customer's profile as Adapty has it, rendered on the server first and refreshed
 * here: on request, and after every change made from this page.
 */
export interface ChangePermissions {
  /** Access levels offered when granting (ADAPTY_ACCESS_LEVELS). */
  accessLevels: string[];
  canGrant: boolean;
  /** The agent's grant policy, shown on the grant form. */
  policy: PolicyView;
  canRevoke: boolean;
  canEdit: boolean;
}

/** The server actions this page uses, passed down from the page (app/(console)/profiles/profile-page.tsx). */
export interface ProfileActions {
  load: ConsoleAction<{ profileId: string }, ReadResult<Profile>>;
  grant: ChangeActionFn<GrantInput, Profile>;
  /** A grant beyond the agent's policy, sent to an admin instead. */
  askApproval: ChangeActionFn<GrantInput, { requestId: string }>;
  revoke: ChangeActionFn<RevokeInput, Profile>;
  /** The reply summary ("Copy summary"): a read, so for every role. */
  summary: ReplySummaryActionFn;
}

export function ProfileView({
  initialProfile,
  ticket: { ticket, rejected: rejectedTicket },
  changes,
  actions,
}: {
  initialProfile: Profile;
  ticket: TicketParam;
  changes: ChangePermissions;
  actions: ProfileActions;
}) {
  const t = useTranslations("Profile");
  const access = useTranslations("Access");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const [loadedAt, setLoadedAt] = useState(() => now);
  const [done, setDone] = useState<string | null>(null);
  const query = useQuery({
    queryKey: profileQueryKey(initialProfile.profile_id),
    initialData: initialProfile,
    queryFn: async () => {
      const read = (await actions.load({ profileId: initialProfile.profile_id }))?.data;
      if (!read || "failure" in read) throw new RefreshFailed(read?.failure);
      setLoadedAt(new Date());
      return read.profile;
    },
  });
  const profile = query.data;
  const customer = profile.customer_user_id ?? profile.profile_id;
  const refreshFailure = query.error instanceof RefreshFailed ? query.error.failure : undefined;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-2">
          <h1 className="wrap-anywhere text-2xl font-semibold tracking-tight">
            {profile.customer_user_id !== null ? t("title", { id: profile.customer_user_id }) : t("anonymousTitle")}
          </h1>
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("customerUserId")}</dt>
            <dd className="flex min-w-0 items-center gap-2">
              {profile.customer_user_id !== null ? (
                <>
                  <BreakableId
                    className="font-mono text-xs"
                    value={profile.customer_user_id}
                    data-testid="customer-user-id"
                  />
                  <CopyButton value={profile.customer_user_id} what={t("customerUserId")} />
                </>
              ) : (
                <span className="text-slate-500">{t("none")}</span>
              )}
            </dd>
            <dt className="text-slate-500">{t("profileId")}</dt>
            <dd className="flex min-w-0 items-center gap-2">
              <BreakableId className="font-mono text-xs" value={profile.profile_id} data-testid="profile-id" />
              <CopyButton value={profile.profile_id} what={t("profileId")} />
            </dd>
            <dt className="text-slate-500">{t("revenue")}</dt>
            <dd data-testid="revenue">
              {format.number(profile.total_revenue_usd, { style: "currency", currency: "USD" })}
            </dd>
          </dl>
        </div>
        <div className="flex flex-col items-end gap-1">
          <div className="flex flex-wrap justify-end gap-2">
            <ReplySummaryButton profileId={profile.profile_id} action={actions.summary} />
            {changes.canEdit ? (
              <Link
                href={withQuery(`${byProfilePath(profile.profile_id)}/edit`, { ticket })}
                className={secondaryButtonClass}
              >
                {t("edit")}
              </Link>
            ) : null}
            <button
              type="button"
              className={secondaryButtonClass}
              disabled={query.isFetching}
              onClick={() => void query.refetch()}
            >
              {query.isFetching ? t("refreshing") : t("refresh")}
            </button>
          </div>
          <span className="text-xs text-slate-500">
            {t("loadedAt", {
              time: format.dateTime(loadedAt, {
                hour: "numeric",
                minute: "2-digit",
                second: "2-digit",
                timeZoneName: "short",
              }),
            })}
          </span>
        </div>
      </header>

      {/* A viewer takes no action a ticket could be attached to. */}
      {changes.canGrant || changes.canRevoke || changes.canEdit ? (
        <TicketNotice ticket={ticket} rejected={rejectedTicket} />
      ) : null}
      {query.isError ? (
        refreshFailure ? (
          <ProfileFailure
            failure={refreshFailure}
            id={profile.profile_id}
            how="profile"
            onRetry={() => void query.refetch()}
          />
        ) : (
          <Notice tone="error">{t("error.unavailable")}</Notice>
        )
      ) : null}

      <div aria-live="polite">{done ? <Notice tone="success">{done}</Notice> : null}</div>
      <AccessLevelsSection
        levels={profile.access_levels}
        // The status is judged at least as of the moment Adapty's answer arrived: a level
        // revoked "now" must read as ended at once, not at the next minute's tick.
        now={Math.max(now.getTime(), query.dataUpdatedAt)}
        action={
          changes.canGrant ? (
            <ChangeButton
              label={access("grant")}
              className={buttonClass}
              load={loadGrantDialog}
              dialog={{
                profile,
                customer,
                accessLevels: changes.accessLevels,
                ticket,
                onDone: setDone,
                action: actions.grant,
                policy: changes.policy,
                askApproval: actions.askApproval,
              }}
            />
          ) : undefined
        }
        rowAction={
          changes.canRevoke
            ? (level) => (
                <ChangeButton
                  label={access("revoke")}
                  ariaLabel={access("revokeLevel", { level: level.access_level_id ?? "" })}
                  className={`${secondaryButtonClass} whitespace-nowrap`} // "Thu hồi" on one line
                  load={loadRevokeDialog}
                  dialog={{
                    profileId: profile.profile_id,
                    customer,
                    level,
                    ticket,
                    onDone: setDone,
                    action: actions.revoke,
                  }}
                />
              )
            : undefined
        }
      />
      <SubscriptionsSection subscriptions={profile.subscriptions} />
      <PurchasesSection purchases={profile.non_subscriptions} />
      <AttributesSection attributes={profile.custom_attributes} />
    </div>
  );
}
