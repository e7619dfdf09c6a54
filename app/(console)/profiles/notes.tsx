import { NotesSection } from "@/components/notes/notes-section";
import { mayChangeNote } from "@/lib/notes/note";
import { can } from "@/server/auth/permissions";
import type { Staff } from "@/server/auth/require-staff";
import { addNoteAction } from "@/server/notes/add-note";
import { deleteNoteAction } from "@/server/notes/delete-note";
import { editNoteAction } from "@/server/notes/edit-note";
import { notesOf } from "@/server/notes/notes-table";

/**
 * The profile's notes, read on the server from the console's own database (Adapty has none
 * of them): every role reads them; who may write, and which notes they may change, is
 * said here for the buttons and checked again by each action.
 */
export async function Notes({ profileId, staff, ticket }: { profileId: string; staff: Staff; ticket?: string }) {
  const canWrite = can(staff.role, "notes.write");
  const notes = (await notesOf(profileId)).map((note) => ({
    ...note,
    mayChange: canWrite && mayChangeNote(staff, note),
  }));
  return (
    <NotesSection
      profileId={profileId}
      notes={notes}
      canWrite={canWrite}
      ticket={ticket}
      actions={{ add: addNoteAction, edit: editNoteAction, remove: deleteNoteAction }}
    />
  );
}
