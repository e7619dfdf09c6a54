"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { grantDefaults, grantFormSchema, grantRequest, type GrantFormValues } from "@/lib/access/change-forms";
import { grantableLevels } from "@/lib/access/levels";
import type { GrantInput } from "@/lib/access/schema";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeActionFn } from "@/lib/change/action";
import { browserTimeZone } from "@/lib/time/zoned";
import { BeyondPolicyNotice, PolicyLine } from "@/components/policy/policy-notes";
import { usePolicyLimits } from "@/components/policy/use-policy-limits";
import type { PolicyView } from "@/lib/policy/settings";
import { ChangeDialog } from "./change-dialog";
import { GrantFields, GrantReview } from "./grant-fields";

interface Props {
  profile: Profile;
  customer: string;
  /** ADAPTY_ACCESS_LEVELS; the levels the profile has or had are offered too. */
  accessLevels: string[];
  ticket?: string;
  onDone: (message: string) => void;
  /** Opened by its button (change-button.tsx). */
  open: boolean;
  onClose: () => void;
  action: ChangeActionFn<GrantInput, Profile>;
  /** The agent's grant policy, and the action that sends a grant beyond it to an admin. */
  policy: PolicyView;
  askApproval: ChangeActionFn<GrantInput, { requestId: string }>;
}

/** Grant an access level: when it starts, when it ends (preset or exact), why — then confirm. */
export function GrantDialog(props: Props) {
  const { profile, customer, accessLevels, ticket, onDone, action, open, onClose, policy } = props;
  const t = useTranslations("Access");
  const agentZone = useTimeZone() ?? "UTC";
  const now = useNow({ updateInterval: 30_000 });
  const profileId = profile.profile_id;
  const levels = grantableLevels(accessLevels, profile);
  const ids = levels.map((level) => level.id);
  const [defaults] = useState(() => grantDefaults(now, agentZone, ids, ticket));
  const form = useForm<GrantFormValues>({
    resolver: zodResolver(grantFormSchema({ profileId, now })),
    defaultValues: defaults,
  });
  const { isDirty } = form.formState;
  const level = useWatch({ control: form.control, name: "accessLevelId" });
  const limits = usePolicyLimits(policy, now, form.control);
  return (
    <ChangeDialog
      form={form}
      action={action}
      request={(values, idempotencyKey) => grantRequest(values, { profileId, now, idempotencyKey })}
      profileId={profileId}
      // Until the agent changes something, the form starts from the moment it opens, in the
      // zone the agent is in now (the page may have been rendered for the zone of an earlier visit).
      onOpen={() => {
        if (!isDirty) form.reset(grantDefaults(new Date(), browserTimeZone(agentZone), ids, ticket));
      }}
      onDone={onDone}
      doneMessage={() => t("granted")}
      open={open}
      onClose={onClose}
      title={t("grantTitle", { customer })}
      fields={
        <>
          <GrantFields profile={profile} customer={customer} levels={levels} agentZone={agentZone} now={now} />
          <PolicyLine policy={policy} />
          <BeyondPolicyNotice limits={limits} approvalHours={policy.approvalHours} />
        </>
      }
      reviewHeading={t("confirmGrant", { level, customer })}
      review={
        <>
          <GrantReview profile={profile} customer={customer} now={now} />
          <BeyondPolicyNotice limits={limits} approvalHours={policy.approvalHours} />
        </>
      }
      confirmLabel={t("doGrant")}
      approval={{
        needed: limits.length > 0,
        action: props.askApproval,
        confirmLabel: t("askApproval"),
        doneMessage: t("approvalRequested"),
      }}
    />
  );
}
