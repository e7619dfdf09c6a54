"use client";

import { useAction } from "next-safe-action/hooks";
import { useFormatter, useNow, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButtonClass } from "@/components/ui/field";
import { DateTimePicker, type WallClock } from "@/components/ui/date-time-picker";
import { Modal } from "@/components/ui/modal";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { revokeProblem } from "@/lib/access/rules";
import { parseAdaptyDate } from "@/lib/access/status";
import { revokeSchema } from "@/lib/access/schema";
import { toZonedParts } from "@/lib/time/presets";
import { zonedLocalToDate } from "@/lib/time/zoned";
import { revokeAccessAction } from "@/server/access/revoke-access";
import type { AccessLevel } from "@/lib/adapty/types";
import { DialogButtons } from "./dialog-buttons";
import { FormError } from "./form-error";
import { ReasonFields } from "./reason-fields";
import { useAccessChange, type FieldErrors } from "./use-access-change";

interface Props {
  profileId: string;
  customer: string;
  level: AccessLevel;
  ticket?: string;
  onDone: (message: string) => void;
}

/** Revoke one access level: now, or at a later time no later than its current expiry — then confirm. */
export function RevokeDialog({ profileId, customer, level, ticket: initialTicket, onDone }: Props) {
  const t = useTranslations("Access");
  const format = useFormatter();
  const agentZone = useTimeZone() ?? "UTC";
  const now = useNow({ updateInterval: 30_000 });
  const expiry = parseAdaptyDate(level.expires_at);
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [zone, setZone] = useState(agentZone);
  const [later, setLater] = useState(false);
  const [when, setWhen] = useState<WallClock>(() =>
    toZonedParts(new Date(Math.min(expiry ?? Infinity, now.getTime() + 86_400_000)), agentZone),
  );
  const [reason, setReason] = useState("");
  const [ticket, setTicket] = useState(initialTicket ?? "");
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const change = useAccessChange(profileId, onDone, t("revoked"));
  const action = useAction(revokeAccessAction);
  const accessLevelId = level.access_level_id ?? "";

  const revokeAt = later ? zonedLocalToDate(`${when.date}T${when.time}`, zone) : null;
  const local = (date: Date) => format.dateTime(date, { timeZone: zone, dateStyle: "medium", timeStyle: "short" });
  const utc = (date: Date) => format.dateTime(date, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });

  const payload = () => ({
    profileId,
    accessLevelId,
    revokeAt: revokeAt?.toISOString() ?? (later ? "invalid" : null),
    reason,
    ticket,
    idempotencyKey: idempotencyKey || crypto.randomUUID(),
  });

  function review() {
    const errors: FieldErrors = {};
    const parsed = revokeSchema.safeParse(payload());
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors[issue.path[0] as keyof FieldErrors] ??= change.message(issue.message);
    // Adapty's rules, before anything is sent.
    const problem = later && revokeAt ? revokeProblem(level, revokeAt, new Date().getTime()) : null;
    if (problem) errors.revokeAt ??= change.message(problem);
    change.setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setIdempotencyKey(crypto.randomUUID());
    setStep("confirm");
  }

  async function confirm() {
    const result = await action.executeAsync(payload());
    const done = change.handle(result.data, result.serverError, result.validationErrors?.fieldErrors);
    if (done) setOpen(false);
    else setStep("edit");
  }

  const errors = change.fieldErrors;
  return (
    <>
      <button
        type="button"
        className={secondaryButtonClass}
        aria-label={`${t("revoke")} ${accessLevelId}`}
        onClick={() => {
          setStep("edit");
          change.setFieldErrors({});
          setOpen(true);
        }}
      >
        {t("revoke")}
      </button>
      <Modal open={open} title={t("revokeTitle", { level: accessLevelId, customer })} onClose={() => setOpen(false)}>
        {step === "edit" ? (
          <div className="space-y-5">
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("revokeWhen")}</legend>
              <div className="flex gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name="revoke-when" checked={!later} onChange={() => setLater(false)} />
                  {t("revokeNow")}
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="revoke-when" checked={later} onChange={() => setLater(true)} />
                  {t("revokeLater")}
                </label>
              </div>
              {later ? (
                <>
                  <TimeZoneSelect id="revoke-zone" value={zone} onChange={setZone} agentZone={agentZone} />
                  <DateTimePicker
                    id="revoke-at"
                    value={when}
                    onChange={setWhen}
                    timeZone={zone}
                    fromDate={now}
                    error={errors.revokeAt}
                  />
                </>
              ) : errors.revokeAt ? (
                <p role="alert" className="text-xs text-rose-700">
                  {errors.revokeAt}
                </p>
              ) : null}
              {errors.accessLevelId ? (
                <p role="alert" className="text-xs text-rose-700">
                  {errors.accessLevelId}
                </p>
              ) : null}
            </fieldset>
            <ReasonFields reason={reason} ticket={ticket} onReason={setReason} onTicket={setTicket} errors={errors} />
            <FormError error={change.formError} />
            <DialogButtons back={t("cancel")} onBack={() => setOpen(false)} next={t("review")} onNext={review} />
          </div>
        ) : (
          <div className="space-y-4">
            <p className="font-medium">{t("confirmRevoke", { level: accessLevelId, customer })}</p>
            <ul className="space-y-1 text-sm" data-testid="revoke-confirmation">
              <li>
                {revokeAt
                  ? t("confirmRevokeAt", { local: `${local(revokeAt)} ${zone}`, utc: utc(revokeAt) })
                  : t("confirmRevokeNow")}
              </li>
              <li>{t("confirmReason", { reason })}</li>
              {ticket ? <li>{t("confirmTicket", { ticket })}</li> : null}
            </ul>
            <DialogButtons
              back={t("back")}
              onBack={() => setStep("edit")}
              next={action.isPending ? t("sending") : t("doRevoke")}
              onNext={() => void confirm()}
              pending={action.isPending}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
