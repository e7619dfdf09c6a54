"use client";

import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { ZonedTime } from "@/components/ui/zoned-time";
import type { UndoPreview } from "@/lib/undo/preview";
import { ChangesSince, LevelInWords } from "./undo-words";

/** What the undo will send, in one line: the grant back with its exact expiry, or the revoke now. */
export function UndoSends({ preview }: { preview: UndoPreview }) {
  const t = useTranslations("Undo");
  const { plan, accessLevelId: level } = preview;
  if (plan.kind === "revoke") return <>{t("sendsRevoke", { level })}</>;
  const expires = plan.expiresAt ? new Date(plan.expiresAt) : null;
  const starts = plan.startsAt ? new Date(plan.startsAt) : null;
  return (
    <>
      {expires
        ? t.rich("sendsGrantUntil", { level, time: () => <ZonedTime date={expires} /> })
        : t("sendsGrantLifetime", { level })}
      {starts ? <> {t.rich("levelFrom", { time: () => <ZonedTime date={starts} /> })}</> : null}
    </>
  );
}

/** The form step's account: what comes back, what is there now, what changed since, and the confirmation it then needs. */
export function UndoPreviewPanel({ preview }: { preview: UndoPreview }) {
  const t = useTranslations("Undo");
  const level = preview.accessLevelId;
  return (
    <div className="space-y-3 text-sm" data-testid="undo-preview">
      <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{t("restores")}</dt>
        <dd data-testid="undo-restores">
          <LevelInWords level={preview.restores} accessLevelId={level} />
        </dd>
        <dt className="font-medium text-slate-600">{t("now")}</dt>
        <dd data-testid="undo-now">
          <LevelInWords level={preview.current} accessLevelId={level} />
        </dd>
        <dt className="font-medium text-slate-600">{t("sends")}</dt>
        <dd data-testid="undo-sends">
          <UndoSends preview={preview} />
        </dd>
      </dl>
      {preview.changes.length > 0 ? (
        <div
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
          data-testid="undo-changed"
        >
          <p className="font-medium">{t("changedSince", { id: preview.eventId })}</p>
          <ChangesSince changes={preview.changes} />
          <FormField name="confirmedChanges" id="undo-confirm" label={t("confirmChanges")}>
            {(control) => <input type="checkbox" {...control} className="mt-1 size-4" />}
          </FormField>
        </div>
      ) : (
        <Notice tone="info">{t("unchangedSince", { id: preview.eventId })}</Notice>
      )}
    </div>
  );
}
