"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useMoment } from "@/components/ui/use-moment";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { DateTimeField } from "@/components/ui/date-time-field";
import { FieldError, FormField } from "@/components/ui/form";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import {
  revokeDefaults,
  revokeFormSchema,
  revokeRequest,
  revokeTime,
  type RevokeFormValues,
} from "@/lib/access/change-forms";
import type { RevokeInput } from "@/lib/access/schema";
import { adaptyDate, deriveAccessStatus } from "@/lib/access/status";
import type { AccessLevel, Profile } from "@/lib/adapty/types";
import type { ChangeActionFn } from "@/lib/change/action";
import { browserTimeZone } from "@/lib/time/zoned";
import { ChangeDialog } from "./change-dialog";
import { ReasonFields } from "./reason-fields";
import { WhenChoice } from "./when-choice";
import { useZonedFormat } from "./zoned-format";

interface Props {
  profileId: string;
  customer: string;
  level: AccessLevel;
  ticket?: string;
  onDone: (message: string) => void;
  /** Opened by its button (change-button.tsx). */
  open: boolean;
  onClose: () => void;
  action: ChangeActionFn<RevokeInput, Profile>;
}

/** Revoke one access level: now, or at a later time no later than its current expiry — then confirm. */
export function RevokeDialog({ profileId, customer, level, ticket, onDone, action, open, onClose }: Props) {
  const t = useTranslations("Access");
  const moment = useMoment();
  const agentZone = useTimeZone() ?? "UTC";
  const now = useNow({ updateInterval: 30_000 });
  const [defaults] = useState(() => revokeDefaults(level, now, agentZone, ticket));
  const form = useForm<RevokeFormValues>({
    resolver: zodResolver(revokeFormSchema({ profileId, level })),
    defaultValues: defaults,
  });
  const { isDirty } = form.formState;
  const accessLevelId = defaults.accessLevelId;
  /** A revoke at a later time leaves access until then: the page says when, not only "revoked". */
  const doneMessage = (profile: Profile) => {
    const after = profile.access_levels.find((candidate) => candidate.access_level_id === accessLevelId);
    const ends = adaptyDate(after?.expires_at);
    return after && ends && deriveAccessStatus(after, Date.now()) === "revoke_scheduled"
      ? t("revokeScheduled", { time: moment(ends, { withZone: true }) })
      : t("revoked");
  };
  return (
    <ChangeDialog
      form={form}
      action={action}
      request={(values, idempotencyKey) => revokeRequest(values, { profileId, idempotencyKey })}
      profileId={profileId}
      onOpen={() => {
        if (!isDirty) form.reset(revokeDefaults(level, new Date(), browserTimeZone(agentZone), ticket));
      }}
      onDone={onDone}
      doneMessage={doneMessage}
      open={open}
      onClose={onClose}
      title={t("revokeTitle", { level: accessLevelId, customer })}
      fields={<RevokeFields level={level} agentZone={agentZone} now={now} />}
      reviewHeading={t("confirmRevoke", { level: accessLevelId, customer })}
      review={<RevokeReview />}
      confirmLabel={t("doRevoke")}
    />
  );
}

/** The revoke dialog's form step: when access ends now (as Adapty holds it), when it should, and why. */
function RevokeFields({ level, agentZone, now }: { level: AccessLevel; agentZone: string; now: Date }) {
  const t = useTranslations("Access");
  const values = useWatch<RevokeFormValues>() as RevokeFormValues;
  const format = useZonedFormat(values.zone);
  const expires = adaptyDate(level.expires_at);
  return (
    <>
      <p className="text-sm" data-testid="current-expiry">
        {expires ? t("currentEnds", { time: format.full(expires) }) : t("currentLifetime")}
      </p>
      <WhenChoice
        name="later"
        group="revoke-when"
        legend={t("revokeWhen")}
        now={t("revokeNow")}
        later={t("revokeLater")}
      >
        {values.later ? (
          <>
            <FormField name="zone" id="revoke-zone" label={t("timeZone")}>
              {(control) => <TimeZoneSelect {...control} agentZone={agentZone} />}
            </FormField>
            <DateTimeField name="revokeAt" id="revoke-at" fromDate={now} />
          </>
        ) : (
          <FieldError name="revokeAt" id="revoke-at-error" />
        )}
        <FieldError name="accessLevelId" id="revoke-level-error" />
      </WhenChoice>
      <ReasonFields />
    </>
  );
}

/** The revoke dialog's review step: exactly what will be sent. */
function RevokeReview() {
  const t = useTranslations("Access");
  const values = useWatch<RevokeFormValues>() as RevokeFormValues;
  const format = useZonedFormat(values.zone);
  const revokeAt = revokeTime(values);
  return (
    <ul className="space-y-1 text-sm" data-testid="revoke-confirmation">
      <li>{revokeAt ? t("confirmRevokeAt", format.zoned(revokeAt)) : t("confirmRevokeNow")}</li>
      <li>{t("confirmReason", { reason: values.reason })}</li>
      {values.ticket ? <li>{t("confirmTicket", { ticket: values.ticket })}</li> : null}
    </ul>
  );
}
