import type { Browser, Page } from "@playwright/test";
import { query } from "./support/database";
import { expect, test } from "./support/fixtures";
import { cookieOf, signInOverHttp } from "./support/http-session";
import { callAction, serverAction } from "./support/server-actions";
import { CONSOLE_URL } from "./support/servers";

// Notes on a customer: kept in the console's database (never sent to Adapty), shown on the
// profile and its timeline, changed only by their author or an admin, every change audited.

interface StoredNote extends Record<string, unknown> {
  id: string;
  body: string;
  ticket: string | null;
  author_email: string;
  version: number;
}

const notesOf = (profileId: string) =>
  query<StoredNote>(
    "select id::text, body, ticket, author_email, version from customer_notes where profile_id = $1 order by created_at",
    [profileId],
  );

const auditRows = (profileId: string, action: string) =>
  query<{ outcome: string; actor_email: string; ticket: string | null; access_before: unknown; access_after: unknown }>(
    `select outcome::text, actor_email, ticket, access_before, access_after from audit_events
     where target_profile_id = $1 and action = $2 order by id`,
    [profileId, action],
  );

/** A browser signed in as this member (over HTTP: the sign-in page is not what is tested here). */
async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const [name = "", value = ""] = (await signInOverHttp(email)).cookie?.split(/=(.*)/s) ?? [];
  await context.addCookies([{ name, value, url: CONSOLE_URL }]);
  return context.newPage();
}

/** Adds a note as this member would through the page, but over HTTP: its id. */
async function addNote(email: string, profileId: string, body: string): Promise<string> {
  const { cookie } = await signInOverHttp(email);
  const answer = await callAction(
    serverAction("addNoteAction"),
    [{ profileId, body, idempotencyKey: crypto.randomUUID() }],
    { cookie },
  );
  const added = answer.result?.data as { outcome?: string; value?: { noteId?: string } } | undefined;
  if (added?.outcome !== "succeeded" || !added.value?.noteId) throw new Error(`note not added: ${answer.text}`);
  return added.value.noteId;
}

const notesSection = (page: Page) => page.getByRole("region", { name: "Notes" });
const timeline = (page: Page) => page.getByRole("region", { name: "Timeline" });

test("an agent adds a note with a ticket: it is on the profile, on the timeline, in the database and the audit log", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const { profileId, customerUserId } = await freshProfile();
  const agent = await freshStaff("agent");
  const page = await signedInPage(browser, agent);
  await page.goto(`/profiles/${profileId}?ticket=ZD-4411`);
  const notes = notesSection(page);
  await expect(notes.getByLabel("Ticket")).toHaveValue("ZD-4411");
  await notes.getByLabel("New note").fill("  Asked for a refund twice.\nPromised an answer by Friday.  ");
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByText("Note added.")).toBeVisible();

  const listed = notes.locator("[data-note-id]");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(agent);
  await expect(listed).toContainText("ZD-4411");
  // Plain text with its newline kept (pre-wrap), trimmed.
  await expect(listed.locator("[data-note-body]")).toHaveText(
    "Asked for a refund twice.\nPromised an answer by Friday.",
  );
  await expect(notes.getByLabel("New note")).toHaveValue("");

  const entry = timeline(page).locator('[data-timeline-entry="note"]');
  await expect(entry).toContainText(`${agent} added a note`);
  await expect(entry).toContainText("ticket ZD-4411");
  await expect(entry).toContainText("Promised an answer by Friday.");

  const [stored] = await notesOf(profileId);
  expect(stored).toMatchObject({
    body: "Asked for a refund twice.\nPromised an answer by Friday.",
    ticket: "ZD-4411",
    author_email: agent,
    version: 1,
  });
  const [row] = await auditRows(profileId, "note.added");
  expect(row).toMatchObject({ outcome: "succeeded", actor_email: agent, ticket: "ZD-4411", access_before: null });
  expect(row?.access_after).toMatchObject({ id: stored?.id, body: stored?.body, version: 1 });
  const [customer] = await query<{ customer_user_id: string | null }>(
    "select customer_user_id from customer_notes where profile_id = $1",
    [profileId],
  );
  expect(customer?.customer_user_id).toBe(customerUserId);
});

test("the author edits their note: it names the version it saw, and the change is audited", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const { profileId } = await freshProfile();
  const agent = await freshStaff("agent");
  await addNote(agent, profileId, "First words.");
  const page = await signedInPage(browser, agent);
  await page.goto(`/profiles/${profileId}`);
  const note = notesSection(page).locator("[data-note-id]");
  await note.getByRole("button", { name: "Edit" }).click();
  await note.getByLabel("Note", { exact: true }).fill("Better words.");
  await note.getByRole("button", { name: "Save note" }).click();
  await expect(notesSection(page).getByText("Note saved.")).toBeVisible();
  await expect(note.locator("[data-note-body]")).toHaveText("Better words.");
  await expect(note).toContainText("(edited)");
  await expect(timeline(page).locator('[data-timeline-entry="note"]')).toContainText("Better words.");
  expect(await notesOf(profileId)).toMatchObject([{ body: "Better words.", version: 2 }]);
  const [edited] = await auditRows(profileId, "note.edited");
  expect(edited).toMatchObject({
    outcome: "succeeded",
    actor_email: agent,
    access_before: { body: "First words.", version: 1 },
    access_after: { body: "Better words.", version: 2 },
  });
});

test("the author deletes their note: gone from the profile, its words gone from the timeline, audited", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const { profileId } = await freshProfile();
  const agent = await freshStaff("agent");
  await addNote(agent, profileId, "Words to delete.");
  const page = await signedInPage(browser, agent);
  await page.goto(`/profiles/${profileId}`);
  const note = notesSection(page).locator("[data-note-id]");
  await note.getByRole("button", { name: "Delete" }).click();
  await note.getByRole("button", { name: "Delete note" }).click();
  await expect(notesSection(page).getByText("Note deleted.")).toBeVisible();
  await expect(notesSection(page).getByText("No notes on this customer yet.")).toBeVisible();
  // The timeline keeps the place, not the words.
  await expect(timeline(page).locator('[data-timeline-entry="note"]')).toContainText("added a note, deleted since");
  await expect(timeline(page)).not.toContainText("Words to delete.");
  expect(await notesOf(profileId)).toEqual([]);
  const [deleted] = await auditRows(profileId, "note.deleted");
  expect(deleted).toMatchObject({
    outcome: "succeeded",
    actor_email: agent,
    access_before: { body: "Words to delete.", version: 1 },
    access_after: null,
  });
});

test("an edit of a note changed since the page opened is refused, and says so", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const { profileId } = await freshProfile();
  const agent = await freshStaff("agent");
  const noteId = await addNote(agent, profileId, "Seen at version 1.");
  const page = await signedInPage(browser, agent);
  await page.goto(`/profiles/${profileId}`);
  // Meanwhile, in another tab: the same note is edited.
  const { cookie } = await signInOverHttp(agent);
  const elsewhere = await callAction(
    serverAction("editNoteAction"),
    [{ profileId, noteId, version: 1, body: "Changed in another tab." }],
    { cookie },
  );
  expect((elsewhere.result?.data as { outcome?: string } | undefined)?.outcome).toBe("succeeded");

  const note = notesSection(page).locator("[data-note-id]");
  await note.getByRole("button", { name: "Edit" }).click();
  await note.getByLabel("Note", { exact: true }).fill("Would overwrite the other tab.");
  await note.getByRole("button", { name: "Save note" }).click();
  await expect(note.getByRole("alert")).toContainText("This note changed since you opened it");
  expect(await notesOf(profileId)).toMatchObject([{ body: "Changed in another tab.", version: 2 }]);
});

test("another agent's crafted edit or delete of someone else's note is refused by the server; an admin may delete it", async ({
  browser,
  freshProfile,
  freshStaff,
}) => {
  const { profileId } = await freshProfile();
  const [author, other] = [await freshStaff("agent"), await freshStaff("agent")];
  const noteId = await addNote(author, profileId, "The author's words.");
  const before = await notesOf(profileId);

  // The other agent is offered no buttons on it…
  const page = await signedInPage(browser, other);
  await page.goto(`/profiles/${profileId}`);
  const note = notesSection(page).locator("[data-note-id]");
  await expect(note).toContainText("The author's words.");
  await expect(note.getByRole("button")).toHaveCount(0);
  // …and calling the actions directly gets the same answer.
  const { cookie } = await signInOverHttp(other);
  const edit = await callAction(
    serverAction("editNoteAction"),
    [{ profileId, noteId, version: 1, body: "Overwritten by another agent." }],
    { cookie },
  );
  const remove = await callAction(serverAction("deleteNoteAction"), [{ profileId, noteId, version: 1 }], { cookie });
  for (const answer of [edit, remove])
    expect(answer.result?.data).toEqual({ outcome: "refused", message: "Notes.errors.notYours" });
  expect(await notesOf(profileId)).toEqual(before);
  expect(await auditRows(profileId, "note.edited")).toMatchObject([{ outcome: "refused", actor_email: other }]);
  expect(await auditRows(profileId, "note.deleted")).toMatchObject([{ outcome: "refused", actor_email: other }]);

  const byAdmin = await callAction(serverAction("deleteNoteAction"), [{ profileId, noteId, version: 1 }], {
    cookie: cookieOf("admin"),
  });
  expect(byAdmin.result?.data).toMatchObject({ outcome: "succeeded" });
  expect(await notesOf(profileId)).toEqual([]);
  expect((await auditRows(profileId, "note.deleted")).at(-1)).toMatchObject({
    outcome: "succeeded",
    actor_email: "admin@e2e.test",
    access_before: { body: "The author's words.", authorEmail: author },
  });
});

test("a viewer reads the notes but has no form and no buttons", async ({ browser, freshProfile, freshStaff }) => {
  const { profileId } = await freshProfile();
  await addNote(await freshStaff("agent"), profileId, "Visible to every role.");
  const page = await signedInPage(browser, await freshStaff("viewer"));
  await page.goto(`/profiles/${profileId}`);
  const notes = notesSection(page);
  await expect(notes.locator("[data-note-body]")).toHaveText("Visible to every role.");
  await expect(notes.getByText("Your role lets you read notes, not add them.")).toBeVisible();
  await expect(notes.getByLabel("New note")).toHaveCount(0);
  await expect(notes.getByRole("button")).toHaveCount(0);
  await expect(timeline(page).locator('[data-timeline-entry="note"]')).toContainText("Visible to every role.");
});
