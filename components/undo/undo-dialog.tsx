"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ChangeDialog } from "@/components/access/change-dialog";
import { ReasonFields } from "@/components/access/reason-fields";
import { FieldError } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { secondaryButtonClass } from "@/components/ui/styles";
import { useMessage } from "@/components/ui/use-message";
import { failureMessage } from "@/lib/change/outcome";
import type { UndoActions, UndoPreview } from "@/lib/undo/preview";
import { undoFormSchema, type UndoFormValues } from "@/lib/undo/schema";
import { UndoPreviewPanel, UndoSends } from "./undo-preview-panel";

interface Props {
  eventId: number;
  actions: UndoActions;
  ticket?: string;
  onDone: (message: string) => void;
  open: boolean;
  onClose: () => void;
}

type Read = { state: "reading" } | { state: "read"; preview: UndoPreview } | { state: "unreadable"; message: string };

/**
 * Undo of one grant or revoke: a fresh preview (what comes back, what Adapty holds now,
 * what changed since), the reason, then review and send — through the grant and revoke
 * dialogs' own steps (components/access/change-dialog.tsx).
 */
export function UndoDialog({ eventId, actions, ticket, onDone, open, onClose }: Props) {
  const t = useTranslations("Undo");
  const message = useMessage();
  const [read, setRead] = useState<Read>({ state: "reading" });
  const form = useForm<UndoFormValues>({
    resolver: zodResolver(undoFormSchema),
    defaultValues: {
      reason: t("defaultReason", { id: eventId }),
      ticket: ticket ?? "",
      ready: false,
      mustConfirm: false,
      confirmedChanges: false,
    },
  });

  const look = useCallback(async () => {
    setRead({ state: "reading" });
    form.setValue("ready", false);
    const answer = (await actions.preview({ eventId }))?.data;
    if (answer && "preview" in answer) {
      form.setValue("mustConfirm", answer.preview.changes.length > 0);
      form.setValue("confirmedChanges", false);
      form.setValue("ready", true);
      setRead({ state: "read", preview: answer.preview });
    } else {
      const key = !answer
        ? "Undo.errors.unreadable"
        : "refusal" in answer
          ? answer.refusal
          : failureMessage(answer.failure);
      setRead({ state: "unreadable", message: message(key) });
    }
  }, [actions, eventId, form, message]);

  const preview = read.state === "read" ? read.preview : null;
  return (
    <ChangeDialog
      form={form}
      action={preview?.plan.kind === "grant" ? actions.grant : actions.revoke}
      request={(values, idempotencyKey) => ({
        eventId,
        profileId: preview?.profileId ?? "",
        seen: preview?.seen ?? "",
        confirmedChanges: values.confirmedChanges,
        reason: values.reason,
        ticket: values.ticket,
        idempotencyKey,
      })}
      profileId={preview?.profileId ?? ""}
      onOpen={() => void look()}
      onDone={onDone}
      doneMessage={() => t("done", { id: eventId })}
      open={open}
      onClose={onClose}
      title={t("title", { id: eventId })}
      fields={
        <>
          {read.state === "reading" ? <p className="text-sm text-slate-600">{t("reading")}</p> : null}
          {read.state === "unreadable" ? <Notice tone="error">{read.message}</Notice> : null}
          {preview ? <UndoPreviewPanel preview={preview} /> : null}
          <FieldError name="ready" id="undo-ready-error" />
          <button type="button" className={secondaryButtonClass} onClick={() => void look()}>
            {t("lookAgain")}
          </button>
          {preview ? <ReasonFields idPrefix="undo" /> : null}
        </>
      }
      reviewHeading={t("confirmHeading", { id: eventId })}
      review={preview ? <UndoReview preview={preview} /> : null}
      confirmLabel={t("doUndo")}
    />
  );
}

/** The review step: exactly what will be sent, and why. */
function UndoReview({ preview }: { preview: UndoPreview }) {
  const t = useTranslations("Access");
  const values = useWatch<UndoFormValues>() as UndoFormValues;
  return (
    <ul className="space-y-1 text-sm" data-testid="undo-confirmation">
      <li>
        <UndoSends preview={preview} />
      </li>
      <li>{t("confirmReason", { reason: values.reason })}</li>
      {values.ticket ? <li>{t("confirmTicket", { ticket: values.ticket })}</li> : null}
    </ul>
  );
}
