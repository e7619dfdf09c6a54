"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { buttonClass } from "@/components/ui/styles";
import { grantDefaults, grantFormSchema, grantRequest, type GrantFormValues } from "@/lib/access/change-forms";
import type { GrantInput } from "@/lib/access/schema";
import type { Profile } from "@/lib/adapty/types";
import type { ChangeActionFn } from "@/lib/change/action";
import { ChangeDialog } from "./change-dialog";
import { GrantFields, GrantReview } from "./grant-fields";

interface Props {
  profile: Profile;
  customer: string;
  accessLevels: string[];
  ticket?: string;
  onDone: (message: string) => void;
  action: ChangeActionFn<GrantInput, Profile>;
}

/** Grant an access level: when it starts, when it ends (preset or exact), why — then confirm. */
export function GrantDialog({ profile, customer, accessLevels, ticket, onDone, action }: Props) {
  const t = useTranslations("Access");
  const agentZone = useTimeZone() ?? "UTC";
  const now = useNow({ updateInterval: 30_000 });
  const profileId = profile.profile_id;
  const [defaults] = useState(() => grantDefaults(now, agentZone, accessLevels, ticket));
  const form = useForm<GrantFormValues>({
    resolver: zodResolver(grantFormSchema({ profileId, now })),
    defaultValues: defaults,
  });
  const level = useWatch({ control: form.control, name: "accessLevelId" });
  return (
    <ChangeDialog
      form={form}
      action={action}
      request={(values, idempotencyKey) => grantRequest(values, { profileId, now, idempotencyKey })}
      profileId={profileId}
      onDone={onDone}
      doneMessage={t("granted")}
      trigger={{ label: t("grant"), className: buttonClass }}
      title={t("grantTitle", { customer })}
      fields={<GrantFields profile={profile} accessLevels={accessLevels} agentZone={agentZone} now={now} />}
      reviewHeading={t("confirmGrant", { level, customer })}
      review={<GrantReview profile={profile} now={now} />}
      confirmLabel={t("doGrant")}
    />
  );
}
