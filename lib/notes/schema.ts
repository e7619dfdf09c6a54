import { z } from "zod";
import { ticket } from "@/lib/access/schema";

// A note's add, edit and delete requests, shared by the note form (browser) and the server
// actions, which check them again. Messages are keys of the Notes.errors catalogue.
export const NOTE_MAX_LENGTH = 1000;

/**
 * Control characters other than a newline (and a tab, which is a control character too)
 * are refused: they are invisible on the page and in exports, and can hide what a note says.
 */
// The character class is the point of this pattern: it names the control characters.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/u;

export const noteBody = z
  .string()
  // A pasted Windows line ending is a newline, not a control character to refuse.
  .transform((value) => value.replaceAll("\r\n", "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "bodyRequired")
      .max(NOTE_MAX_LENGTH, "bodyTooLong")
      .refine((value) => !CONTROL.test(value), "bodyControl"),
  );

const noteId = z.uuid("noteMissing");
/** The version the agent saw: an edit or delete of a note changed since is refused. */
const version = z.number().int().min(1);

export const addNoteSchema = z.object({
  profileId: z.uuid(),
  body: noteBody,
  ticket,
  idempotencyKey: z.uuid(),
});

export const editNoteSchema = z.object({ profileId: z.uuid(), noteId, version, body: noteBody, ticket });
export const deleteNoteSchema = z.object({ profileId: z.uuid(), noteId, version });

/** What the note form holds: the body and the ticket, as typed. */
export const noteFieldsSchema = z.object({ body: noteBody, ticket });
export type NoteFields = z.input<typeof noteFieldsSchema>;

export type AddNoteInput = z.input<typeof addNoteSchema>;
export type EditNoteInput = z.input<typeof editNoteSchema>;
export type DeleteNoteInput = z.input<typeof deleteNoteSchema>;
