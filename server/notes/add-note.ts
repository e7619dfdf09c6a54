"use server";

import { addNoteSchema } from "@/lib/notes/schema";
import { actionClient } from "@/server/auth/action-client";
import { auditedNoteChange } from "./audited-note-change";
import { insertNote, knownCustomerUserId } from "./notes-table";

/** Adds a note on a customer: stored in the console's database only, never sent to Adapty. */
export const addNoteAction = actionClient
  .metadata({ permission: "notes.write", change: "note.added" })
  .inputSchema(addNoteSchema)
  .action(async ({ parsedInput: input, ctx }) => {
    const noteId = crypto.randomUUID();
    const customerUserId = await knownCustomerUserId(input.profileId);
    const ticket = input.ticket ?? null;
    return auditedNoteChange(
      ctx.staff,
      "note.added",
      { profileId: input.profileId, customerUserId, ticket },
      { noteId },
      () =>
        insertNote({
          id: noteId,
          profileId: input.profileId,
          customerUserId,
          author: ctx.staff,
          body: input.body,
          ticket,
        }),
      input.idempotencyKey,
    );
  });
