"use server";

import { editNoteSchema } from "@/lib/notes/schema";
import { actionClient } from "@/server/auth/action-client";
import { auditedNoteChange, changeableNote } from "./audited-note-change";
import { updateNoteAtVersion } from "./notes-table";

/** Edits a note: its author or an admin, and only the version they saw (one conditional update). */
export const editNoteAction = actionClient
  .metadata({ permission: "notes.write", change: "note.edited" })
  .inputSchema(editNoteSchema)
  .action(async ({ parsedInput: input, ctx }) => {
    const found = await changeableNote(ctx.staff, input);
    if ("refused" in found) return found.refused;
    const { note } = found;
    const ticket = input.ticket ?? null;
    return auditedNoteChange(
      ctx.staff,
      "note.edited",
      { profileId: note.profileId, customerUserId: note.customerUserId, before: note, ticket },
      { noteId: note.id, version: input.version },
      () => updateNoteAtVersion({ id: note.id, version: input.version }, { body: input.body, ticket }),
    );
  });
