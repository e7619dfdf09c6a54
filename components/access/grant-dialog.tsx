"use client";

import { useAction } from "next-safe-action/hooks";
import { useFormatter, useNow, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass, Field, inputClass } from "@/components/ui/field";
import { DateTimePicker, type WallClock } from "@/components/ui/date-time-picker";
import { Modal } from "@/components/ui/modal";
import { Notice } from "@/components/ui/notice";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";
import { grantShortensAccess } from "@/lib/access/rules";
import { grantSchema } from "@/lib/access/schema";
import { applyPreset, EXPIRY_PRESETS, toZonedParts, type ExpiryPreset } from "@/lib/time/presets";
import { zonedLocalToDate } from "@/lib/time/zoned";
import { parseAdaptyDate } from "@/lib/access/status";
import { grantAccessAction } from "@/server/access/grant-access";
import type { Profile } from "@/lib/adapty/types";
import { DialogButtons } from "./dialog-buttons";
import { FormError } from "./form-error";
import { ReasonFields } from "./reason-fields";
import { useAccessChange, type FieldErrors } from "./use-access-change";

interface Props {
  profile: Profile;
  customer: string;
  accessLevels: string[];
  ticket?: string;
  onDone: (message: string) => void;
}

const DAY = 86_400_000;

/** Grant an access level: when it starts, when it ends (preset or exact), why — then confirm. */
export function GrantDialog({ profile, customer, accessLevels, ticket: initialTicket, onDone }: Props) {
  const t = useTranslations("Access");
  const format = useFormatter();
  const agentZone = useTimeZone() ?? "UTC";
  const now = useNow({ updateInterval: 30_000 });
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [level, setLevel] = useState(accessLevels[0] ?? "");
  const [zone, setZone] = useState(agentZone);
  const [startLater, setStartLater] = useState(false);
  const [start, setStart] = useState<WallClock>(() => toZonedParts(new Date(now.getTime() + DAY), agentZone));
  const [preset, setPreset] = useState<ExpiryPreset | "exact">("1m");
  const [exact, setExact] = useState<WallClock>(() => toZonedParts(new Date(now.getTime() + 30 * DAY), agentZone));
  const [reason, setReason] = useState("");
  const [ticket, setTicket] = useState(initialTicket ?? "");
  const [idempotencyKey, setIdempotencyKey] = useState("");
  const change = useAccessChange(profile.profile_id, onDone, t("granted"));
  const action = useAction(grantAccessAction);

  const startsAt = startLater ? zonedLocalToDate(`${start.date}T${start.time}`, zone) : null;
  const from = startsAt ?? now;
  const expiresAt =
    preset === "exact" ? zonedLocalToDate(`${exact.date}T${exact.time}`, zone) : applyPreset(from, preset, zone);
  const current = profile.access_levels.find((l) => l.access_level_id === level);
  const shortens = grantShortensAccess(current, expiresAt, now.getTime());

  const local = (date: Date) => format.dateTime(date, { timeZone: zone, dateStyle: "medium", timeStyle: "short" });
  const utc = (date: Date) => format.dateTime(date, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
  const preview =
    expiresAt === null && preset === "lifetime"
      ? t("previewLifetime", { level, start: startsAt ? local(startsAt) : t("fromNow") })
      : expiresAt
        ? t("previewGrant", {
            level,
            start: startsAt ? local(startsAt) : t("fromNow"),
            end: `${local(expiresAt)} ${zone} (${utc(expiresAt)} UTC)`,
            days: Math.round((expiresAt.getTime() - from.getTime()) / DAY),
          })
        : "";

  const payload = () => ({
    profileId: profile.profile_id,
    accessLevelId: level,
    startsAt: startsAt?.toISOString() ?? (startLater ? "invalid" : null),
    expiresAt: expiresAt?.toISOString() ?? (preset === "lifetime" ? null : "invalid"),
    reason,
    ticket,
    idempotencyKey: idempotencyKey || crypto.randomUUID(),
  });

  function review() {
    const parsed = grantSchema.safeParse(payload());
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues)
        errors[issue.path[0] as keyof FieldErrors] ??= change.message(issue.message);
      change.setFieldErrors(errors);
      return;
    }
    change.setFieldErrors({});
    setIdempotencyKey(crypto.randomUUID()); // one key per submission: a double click sends it twice, Adapty gets it once
    setStep("confirm");
  }

  async function confirm() {
    const result = await action.executeAsync(payload());
    const done = change.handle(result.data, result.serverError, result.validationErrors?.fieldErrors);
    if (done) setOpen(false);
    else setStep("edit");
  }

  const errors = change.fieldErrors;
  const currentExpiry = parseAdaptyDate(current?.expires_at);
  return (
    <>
      <button
        type="button"
        className={buttonClass}
        onClick={() => {
          setStep("edit");
          change.setFieldErrors({});
          setOpen(true);
        }}
      >
        {t("grant")}
      </button>
      <Modal open={open} title={t("grantTitle", { customer })} onClose={() => setOpen(false)}>
        {step === "edit" ? (
          <div className="space-y-5">
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="grant-level" label={t("accessLevel")} error={errors.accessLevelId}>
                <select
                  id="grant-level"
                  value={level}
                  onChange={(e) => setLevel(e.target.value)}
                  className={inputClass}
                >
                  {accessLevels.map((id) => (
                    <option key={id} value={id}>
                      {id}
                    </option>
                  ))}
                </select>
              </Field>
              <TimeZoneSelect id="grant-zone" value={zone} onChange={setZone} agentZone={agentZone} />
            </div>

            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("start")}</legend>
              <div className="flex gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name="grant-start" checked={!startLater} onChange={() => setStartLater(false)} />
                  {t("startNow")}
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="grant-start" checked={startLater} onChange={() => setStartLater(true)} />
                  {t("startLater")}
                </label>
              </div>
              {startLater ? (
                <DateTimePicker
                  id="grant-start-at"
                  value={start}
                  onChange={setStart}
                  timeZone={zone}
                  fromDate={now}
                  error={errors.startsAt}
                />
              ) : null}
            </fieldset>

            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("expiry")}</legend>
              <div className="flex flex-wrap gap-2" role="radiogroup" aria-label={t("expiry")}>
                {[...EXPIRY_PRESETS, "exact" as const].map((option) => (
                  <label
                    key={option}
                    className="cursor-pointer rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-slate-900 has-[:checked]:bg-slate-900 has-[:checked]:text-white"
                  >
                    <input
                      type="radio"
                      name="grant-expiry"
                      className="sr-only"
                      checked={preset === option}
                      onChange={() => setPreset(option)}
                    />
                    {option === "exact" ? t("exactTime") : t("preset", { preset: option })}
                  </label>
                ))}
              </div>
              {preset === "exact" ? (
                <DateTimePicker
                  id="grant-expires-at"
                  value={exact}
                  onChange={setExact}
                  timeZone={zone}
                  fromDate={from}
                  error={errors.expiresAt}
                />
              ) : null}
              {preset !== "exact" && errors.expiresAt ? (
                <p className="text-xs text-rose-700">{errors.expiresAt}</p>
              ) : null}
            </fieldset>

            {preview ? (
              <p data-testid="grant-preview" className="rounded-md bg-slate-50 p-3 text-sm font-medium">
                {preview}
              </p>
            ) : null}
            {shortens && current ? (
              <Notice tone="error">
                {t("shortens", {
                  level,
                  current: currentExpiry === null ? t("confirmEndsNever") : local(new Date(currentExpiry)),
                })}
              </Notice>
            ) : null}

            <ReasonFields reason={reason} ticket={ticket} onReason={setReason} onTicket={setTicket} errors={errors} />
            <FormError error={change.formError} />
            <DialogButtons back={t("cancel")} onBack={() => setOpen(false)} next={t("review")} onNext={review} />
          </div>
        ) : (
          <div className="space-y-4">
            <p className="font-medium">{t("confirmGrant", { level, customer })}</p>
            <ul className="space-y-1 text-sm" data-testid="grant-confirmation">
              <li>
                {startsAt
                  ? t("confirmStarts", { local: `${local(startsAt)} ${zone}`, utc: utc(startsAt) })
                  : t("confirmStartsNow")}
              </li>
              <li>
                {expiresAt
                  ? t("confirmEnds", { local: `${local(expiresAt)} ${zone}`, utc: utc(expiresAt) })
                  : t("confirmEndsNever")}
              </li>
              <li>{t("confirmReason", { reason })}</li>
              {ticket ? <li>{t("confirmTicket", { ticket })}</li> : null}
            </ul>
            {shortens ? (
              <Notice tone="error">
                {t("shortens", {
                  level,
                  current: currentExpiry === null ? t("confirmEndsNever") : local(new Date(currentExpiry)),
                })}
              </Notice>
            ) : null}
            <DialogButtons
              back={t("back")}
              onBack={() => setStep("edit")}
              next={action.isPending ? t("sending") : t("doGrant")}
              onNext={() => void confirm()}
              pending={action.isPending}
            />
          </div>
        )}
      </Modal>
    </>
  );
}
