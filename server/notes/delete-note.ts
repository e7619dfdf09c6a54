"use server";

import { deleteNoteSchema } from "@/lib/notes/schema";
import { actionClient } from "@/server/auth/action-client";
import { auditedNoteChange, changeableNote } from "./audited-note-change";
import { deleteNoteAtVersion } from "./notes-table";

/** Deletes a note: its author or an admin, and only the version they saw (one conditional delete). */
export const deleteNoteAction = actionClient
  .metadata({ permission: "notes.write", change: "note.deleted" })
  .inputSchema(deleteNoteSchema)
  .action(async ({ parsedInput: input, ctx }) => {
    const found = await changeableNote(ctx.staff, input);
    if ("refused" in found) return found.refused;
    const { note } = found;
    return auditedNoteChange(
      ctx.staff,
      "note.deleted",
      { profileId: note.profileId, customerUserId: note.customerUserId, before: note, ticket: note.ticket },
      { noteId: note.id, version: input.version },
      async () => {
        await deleteNoteAtVersion({ id: note.id, version: input.version });
        return null;
      },
    );
  });
