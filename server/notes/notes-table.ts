import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { CustomerNote } from "@/lib/notes/note";
import { getDb } from "@/server/db";
import { customerIndex, customerNotes } from "@/server/db/schema";

// The customer_notes table: the console's own notes on a customer, never sent to Adapty.
// An edit or delete is one conditional statement on the note's id and the version its
// author saw, so two people changing one note at once cannot silently overwrite each other.

type NoteRow = typeof customerNotes.$inferSelect;

const toNote = (row: NoteRow): CustomerNote => ({
  id: row.id,
  profileId: row.profileId,
  customerUserId: row.customerUserId,
  authorId: row.authorId,
  authorEmail: row.authorEmail,
  body: row.body,
  ticket: row.ticket,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
});

/** Thrown inside a change when the note is not at the version the agent saw (edited or deleted since). */
export class NoteChangedError extends Error {
  override name = "NoteChangedError";
}

/** A profile's notes, newest first. */
export async function notesOf(profileId: string): Promise<CustomerNote[]> {
  const rows = await (
    await getDb()
  )
    .select()
    .from(customerNotes)
    .where(eq(customerNotes.profileId, profileId))
    .orderBy(desc(customerNotes.createdAt), desc(customerNotes.id));
  return rows.map(toNote);
}

/** The notes with these ids that still exist, by id (for the timeline's note entries). */
export async function notesById(ids: string[]): Promise<Map<string, CustomerNote>> {
  if (ids.length === 0) return new Map();
  const rows = await (await getDb()).select().from(customerNotes).where(inArray(customerNotes.id, ids));
  return new Map(rows.map((row) => [row.id, toNote(row)]));
}

/** One note of this profile, as it is now. */
export async function findNote(profileId: string, noteId: string): Promise<CustomerNote | undefined> {
  const [row] = await (
    await getDb()
  )
    .select()
    .from(customerNotes)
    .where(and(eq(customerNotes.id, noteId), eq(customerNotes.profileId, profileId)));
  return row ? toNote(row) : undefined;
}

/**
 * The customer user id the console last saw for a profile (its search index, written when
 * the profile page read it from Adapty): a note records it without asking Adapty again.
 */
export async function knownCustomerUserId(profileId: string): Promise<string | null> {
  const [row] = await (
    await getDb()
  )
    .select({ customerUserId: customerIndex.customerUserId })
    .from(customerIndex)
    .where(eq(customerIndex.profileId, profileId));
  return row?.customerUserId ?? null;
}

export async function insertNote(values: {
  id: string;
  profileId: string;
  customerUserId: string | null;
  author: { id: string; email: string };
  body: string;
  ticket: string | null;
}): Promise<CustomerNote> {
  const [row] = await (
    await getDb()
  )
    .insert(customerNotes)
    .values({
      id: values.id,
      profileId: values.profileId,
      customerUserId: values.customerUserId,
      authorId: values.author.id,
      authorEmail: values.author.email,
      body: values.body,
      ticket: values.ticket,
    })
    .returning();
  if (!row) throw new Error("The note was not stored.");
  return toNote(row);
}

const atVersion = (note: { id: string; version: number }) =>
  and(eq(customerNotes.id, note.id), eq(customerNotes.version, note.version));

/** Changes the note's body and ticket if it is still at `version`; else NoteChangedError. */
export async function updateNoteAtVersion(
  note: { id: string; version: number },
  change: { body: string; ticket: string | null },
): Promise<CustomerNote> {
  const [row] = await (
    await getDb()
  )
    .update(customerNotes)
    .set({ ...change, version: sql`${customerNotes.version} + 1`, updatedAt: sql`now()` })
    .where(atVersion(note))
    .returning();
  if (!row) throw new NoteChangedError("The note changed since it was opened.");
  return toNote(row);
}

/** Deletes the note if it is still at `version`; else NoteChangedError. */
export async function deleteNoteAtVersion(note: { id: string; version: number }): Promise<void> {
  const rows = await (await getDb()).delete(customerNotes).where(atVersion(note)).returning({ id: customerNotes.id });
  if (rows.length === 0) throw new NoteChangedError("The note changed since it was opened.");
}
