"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, useWatch } from "react-hook-form";
import { Form, FormField } from "@/components/ui/form";
import { FormError } from "@/components/ui/form-error";
import { buttonClass, inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { useChangeOutcome } from "@/components/ui/use-change-outcome";
import type { ChangeActionFn } from "@/lib/change/action";
import type { NoteAnswer } from "@/lib/notes/note";
import { NOTE_MAX_LENGTH, noteFieldsSchema, type NoteFields } from "@/lib/notes/schema";

type Written = { body: string; ticket?: string };

/**
 * The one note form, for a new note and for an edit: the body (plain text, newlines kept)
 * and an optional ticket, checked with the action's own schema. On success the page's
 * notes and timeline are read again (router.refresh), and `onSaved` runs.
 */
export function NoteForm<I>({
  id,
  initial,
  action,
  request,
  words,
  onSaved,
  onCancel,
}: {
  /** Prefix of the controls' ids: unique on the page. */
  id: string;
  initial: NoteFields;
  action: ChangeActionFn<I, NoteAnswer>;
  /** The action's input from what the agent wrote. */
  request: (written: Written) => I;
  words: { label: string; submit: string; pending: string };
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const t = useTranslations("Notes");
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(noteFieldsSchema), defaultValues: initial });
  const change = useChangeOutcome(action, {
    form,
    namespace: "Notes.errors",
    onSucceeded: () => {
      form.reset(initial);
      onSaved();
      router.refresh(); // the notes above and the timeline below
    },
  });
  const length = useWatch({ control: form.control, name: "body" }).length;

  return (
    <Form
      form={form}
      namespace="Notes.errors"
      onSubmit={(written) => change.submit(request(written))}
      className="space-y-3"
    >
      <FormField name="body" id={`${id}-body`} label={words.label} hint={t("bodyHint")}>
        {/* Grows with what it holds (an edit opens with the whole note in view), up to a point. No
            maxLength: a longer paste is not cut silently, the schema says it is too long. */}
        {(control) => (
          <textarea {...control} rows={3} className={`${inputClass} field-sizing-content max-h-96 min-h-20 resize-y`} />
        )}
      </FormField>
      <p className="-mt-2 text-right text-xs text-slate-500" aria-hidden>
        {length} / {NOTE_MAX_LENGTH}
      </p>
      <FormField
        name="ticket"
        id={`${id}-ticket`}
        label={t("ticket")}
        hint={t("ticketHint")}
        className="space-y-1 sm:w-64"
      >
        {(control) => <input {...control} autoComplete="off" className={inputClass} />}
      </FormField>
      <FormError error={change.error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={change.pending} className={buttonClass}>
          {change.pending ? words.pending : words.submit}
        </button>
        {onCancel ? (
          <button type="button" disabled={change.pending} className={secondaryButtonClass} onClick={onCancel}>
            {t("cancel")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
