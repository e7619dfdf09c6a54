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
}

/** Grant an access level: when it starts, when it ends (preset or exact), why — then confirm. */
export function GrantDialog({ profile, customer, accessLevels, ticket, onDone, action, open, onClose }: Props) {
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
      fields={<GrantFields profile={profile} customer={customer} levels={levels} agentZone={agentZone} now={now} />}
      reviewHeading={t("confirmGrant", { level, customer })}
      review={<GrantReview profile={profile} customer={customer} now={now} />}
      confirmLabel={t("doGrant")}
    />
  );
}
