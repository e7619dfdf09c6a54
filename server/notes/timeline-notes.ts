import "server-only";
import type { TimelineEntry } from "@/lib/timeline/entries";
import { notesById } from "./notes-table";

const noteIdOf = (params: Record<string, unknown> | null) =>
  typeof params?.noteId === "string" ? params.noteId : undefined;

/**
 * The timeline's page with each note added on the customer shown as the note itself (as it
 * reads now) in the place of its `note.added` row. Refused or failed attempts stay audit
 * rows, and so do edits and deletes: the timeline says they happened, the note says what.
 */
export async function withNoteEntries(entries: TimelineEntry[]): Promise<TimelineEntry[]> {
  const added = (entry: TimelineEntry) =>
    entry.source === "console" && entry.action === "note.added" && entry.outcome === "succeeded"
      ? noteIdOf(entry.params)
      : undefined;
  const ids = entries.map(added).filter((id) => id !== undefined);
  if (ids.length === 0) return entries;
  const notes = await notesById(ids);
  return entries.map((entry) => {
    const id = added(entry);
    if (id === undefined || entry.source !== "console") return entry;
    const note = notes.get(id);
    return {
      source: "note",
      id: entry.id,
      at: entry.at,
      authorEmail: entry.actorEmail,
      note: note ? { body: note.body, ticket: note.ticket, edited: note.version > 1 } : null,
    };
  });
}
