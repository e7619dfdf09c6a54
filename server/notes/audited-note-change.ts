import "server-only";
import type { ChangeAction } from "@/lib/audit/actions";
import type { ChangeOutcome } from "@/lib/change/outcome";
import { mayChangeNote, type CustomerNote, type NoteAnswer } from "@/lib/notes/note";
import { auditedChange } from "@/server/audit/audited-change";
import type { Staff } from "@/server/auth/require-staff";
import { findNote } from "./notes-table";

/** A note as the audit row records it before and after: what it said, whose it is, its version. */
const recorded = (note: CustomerNote | null | undefined) =>
  note
    ? {
        id: note.id,
        body: note.body,
        ticket: note.ticket,
        authorEmail: note.authorEmail,
        version: note.version,
        updatedAt: note.updatedAt.toISOString(),
      }
    : null;

/**
 * A change to a customer's notes, through the same write-ahead audit trail as changes sent
 * to Adapty (though nothing is sent there): the target is the profile, before and after
 * are the note. `change` runs only once the pending row is written.
 */
export function auditedNoteChange(
  actor: Staff,
  action: ChangeAction,
  about: { profileId: string; customerUserId: string | null; before?: CustomerNote; ticket: string | null },
  params: Record<string, unknown>,
  change: () => Promise<CustomerNote | null>,
  idempotencyKey?: string,
): Promise<ChangeOutcome<NoteAnswer>> {
  return auditedChange({
    actor,
    action,
    target: { profileId: about.profileId, customerUserId: about.customerUserId },
    params: { profileId: about.profileId, ...params },
    ticket: about.ticket,
    idempotencyKey,
    accessBefore: recorded(about.before),
    send: async () => {
      const note = await change();
      return { value: note };
    },
    describeAfter: recorded,
    answer: (note) => (note ? { noteId: note.id } : null),
    refusal: (failure) => (failure.errorName === "NoteChangedError" ? "Notes.errors.changed" : undefined),
  });
}

/**
 * The note an edit or delete is about, if this agent may change it as they saw it: it is
 * still there, at the version they opened, and theirs (or they are an admin). Else why not.
 */
export async function changeableNote(
  actor: Staff,
  input: { profileId: string; noteId: string; version: number },
): Promise<{ note: CustomerNote } | { refused: ChangeOutcome<never> }> {
  const note = await findNote(input.profileId, input.noteId);
  if (!note || note.version !== input.version)
    return { refused: { outcome: "refused", message: "Notes.errors.changed" } };
  if (!mayChangeNote(actor, note)) return { refused: { outcome: "refused", message: "Notes.errors.notYours" } };
  return { note };
}
