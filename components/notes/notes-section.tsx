"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import type { ChangeActionFn } from "@/lib/change/action";
import type { ListedNote, NoteAnswer } from "@/lib/notes/note";
import type { AddNoteInput, DeleteNoteInput, EditNoteInput } from "@/lib/notes/schema";
import { NoteForm } from "./note-form";
import { NoteItem } from "./note-item";

/** The note actions, passed down from the page (app/(console)/profiles/notes.tsx). */
export interface NoteActions {
  add: ChangeActionFn<AddNoteInput, NoteAnswer>;
  edit: ChangeActionFn<EditNoteInput, NoteAnswer>;
  remove: ChangeActionFn<DeleteNoteInput, NoteAnswer>;
}

/**
 * The profile's notes, newest first, and (for those who may write) the form to add one,
 * its ticket taken from the page's `?ticket=` when there is one. Stored by the console only.
 */
export function NotesSection({
  profileId,
  notes,
  canWrite,
  ticket,
  actions,
}: {
  profileId: string;
  notes: ListedNote[];
  canWrite: boolean;
  ticket?: string;
  actions: NoteActions;
}) {
  const t = useTranslations("Notes");
  const [done, setDone] = useState<string | null>(null);
  // A new key after each added note: a resubmission of the same one is answered once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  return (
    <section id="notes" aria-labelledby="notes-title" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="notes-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      {canWrite ? (
        <div className="mt-4">
          <NoteForm
            id="note-new"
            initial={{ body: "", ticket: ticket ?? "" }}
            action={actions.add}
            request={(written) => ({ profileId, ...written, idempotencyKey })}
            words={{ label: t("newNote"), submit: t("add"), pending: t("adding") }}
            onSaved={() => {
              setIdempotencyKey(crypto.randomUUID());
              setDone(t("added"));
            }}
          />
        </div>
      ) : (
        <p className="mt-3 text-sm text-slate-500">{t("readOnly")}</p>
      )}
      <div className="mt-3" aria-live="polite">
        {done ? <Notice tone="success">{done}</Notice> : null}
      </div>
      {notes.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="mt-4 divide-y divide-slate-100" aria-label={t("title")}>
          {notes.map((note) => (
            <NoteItem key={`${note.id}:${note.version}`} note={note} actions={actions} onDone={setDone} />
          ))}
        </ol>
      )}
    </section>
  );
}
