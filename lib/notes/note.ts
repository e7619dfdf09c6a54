import type { Role } from "@/lib/staff/roles";

/** A note on a customer as the profile page shows it (the console's own data, never Adapty's). */
export interface CustomerNote {
  id: string;
  profileId: string;
  /** As the console knew it when the note was added (its search index), if it did. */
  customerUserId: string | null;
  authorId: string;
  authorEmail: string;
  body: string;
  ticket: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Grows by one on every edit: an edit or delete names the version it was made from. */
  version: number;
}

/**
 * Who may edit or delete a note: its author, or an admin (who tidies up after anyone).
 * The server decides with this; the page uses it only to offer the buttons.
 */
export function mayChangeNote(staff: { id: string; role: Role }, note: { authorId: string }): boolean {
  return staff.role === "admin" || note.authorId === staff.id;
}

/** What a note change answers: the note's id (the page then reads the notes again), null once deleted. */
export type NoteAnswer = { noteId: string } | null;

/** A note as the profile page lists it: with whether this agent may edit or delete it. */
export type ListedNote = CustomerNote & { mayChange: boolean };
