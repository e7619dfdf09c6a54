"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { ListedNote } from "@/lib/notes/note";
import { DeleteNote } from "./delete-note";
import { NoteForm } from "./note-form";
import type { NoteActions } from "./notes-section";

/**
 * One note: its author, when, its ticket and its words as plain text (newlines kept; React
 * escapes the rest). Its author or an admin may edit it in place or delete it; each names
 * the version shown here, so a note changed meanwhile is not overwritten.
 */
export function NoteItem({
  note,
  actions,
  onDone,
}: {
  note: ListedNote;
  actions: NoteActions;
  onDone: (said: string) => void;
}) {
  const t = useTranslations("Notes");
  const [editing, setEditing] = useState(false);
  const seen = { profileId: note.profileId, noteId: note.id, version: note.version };

  return (
    <li className="py-3 text-sm" data-note-id={note.id}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="min-w-0 font-medium break-all">{note.authorEmail}</span>
        <span className="text-xs text-slate-600">
          <LocalTime date={note.createdAt} relative />
        </span>
        {note.ticket ? (
          <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{note.ticket}</span>
        ) : null}
        {note.version > 1 ? <span className="text-xs text-slate-500">{t("edited")}</span> : null}
      </div>
      {editing ? (
        <div className="mt-2">
          <NoteForm
            id={`note-${note.id}`}
            initial={{ body: note.body, ticket: note.ticket ?? "" }}
            action={actions.edit}
            request={(written) => ({ ...seen, ...written })}
            words={{ label: t("note"), submit: t("save"), pending: t("saving") }}
            onSaved={() => {
              setEditing(false);
              onDone(t("saved"));
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : (
        <p className="mt-1 break-words whitespace-pre-wrap text-slate-800" data-note-body>
          {note.body}
        </p>
      )}
      {note.mayChange && !editing ? (
        <div className="mt-2 flex flex-wrap items-start gap-2">
          <button type="button" className={secondaryButtonClass} onClick={() => setEditing(true)}>
            {t("edit")}
          </button>
          <DeleteNote seen={seen} action={actions.remove} onDeleted={() => onDone(t("deleted"))} />
        </div>
      ) : null}
    </li>
  );
}
