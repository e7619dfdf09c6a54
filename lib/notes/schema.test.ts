import { describe, expect, it } from "vitest";
import { addNoteSchema, deleteNoteSchema, editNoteSchema, NOTE_MAX_LENGTH } from "./schema";

const PROFILE = "9c1e5a70-0000-4000-8000-000000000001";
const NOTE = "5f0e7d2c-1b3a-4c5d-8e9f-0a1b2c3d4e5f";
const add = (body: string, ticket?: string) =>
  addNoteSchema.safeParse({ profileId: PROFILE, body, ticket, idempotencyKey: NOTE });
const messages = (result: ReturnType<typeof add>) => result.error?.issues.map((issue) => issue.message) ?? [];

describe("a note's body", () => {
  it("is trimmed, and keeps its inner newlines", () => {
    expect(add("  first line\nsecond line \n").data?.body).toBe("first line\nsecond line");
  });

  it("turns a Windows line ending into a newline", () => {
    expect(add("one\r\ntwo").data?.body).toBe("one\ntwo");
  });

  it("is required: blank after trimming is refused", () => {
    expect(messages(add(""))).toEqual(["bodyRequired"]);
    expect(messages(add(" \n\n "))).toEqual(["bodyRequired"]);
  });

  it("may be 1 to 1000 characters", () => {
    expect(add("x").success).toBe(true);
    expect(add("x".repeat(NOTE_MAX_LENGTH)).success).toBe(true);
    expect(messages(add("x".repeat(NOTE_MAX_LENGTH + 1)))).toEqual(["bodyTooLong"]);
  });

  it("counts its length after trimming", () => {
    expect(add(`  ${"x".repeat(NOTE_MAX_LENGTH)}  `).success).toBe(true);
  });

  it.each([
    ["a tab", "a\tb"],
    ["a NUL", "a\u0000b"],
    ["an escape", "a\u001b[31mb"],
    ["a lone carriage return", "a\rb"],
    ["a DEL", "a\u007fb"],
    ["a C1 control", "a\u0085b"],
  ])("refuses %s", (_, body) => {
    expect(messages(add(body))).toEqual(["bodyControl"]);
  });

  it("takes any other text as it is, markup included (it is shown as plain text)", () => {
    const body = "<script>alert(1)</script> 用户画像 — ok ✓";
    expect(add(body).data?.body).toBe(body);
  });
});

describe("a note's ticket", () => {
  it("is optional: empty is none", () => {
    expect(add("note", "").data?.ticket).toBeUndefined();
    expect(add("note").data?.ticket).toBeUndefined();
  });

  it("follows the console's one ticket rule", () => {
    expect(add("note", " ZD-123 ").data?.ticket).toBe("ZD-123");
    expect(messages(add("note", "ZD 123"))).toEqual(["ticketInvalid"]);
    expect(messages(add("note", "Z".repeat(65)))).toEqual(["ticketInvalid"]);
  });
});

describe("an edit or delete", () => {
  it("names the note and the version it saw", () => {
    expect(editNoteSchema.safeParse({ profileId: PROFILE, noteId: NOTE, version: 2, body: "b" }).success).toBe(true);
    expect(deleteNoteSchema.safeParse({ profileId: PROFILE, noteId: NOTE, version: 1 }).success).toBe(true);
    expect(deleteNoteSchema.safeParse({ profileId: PROFILE, noteId: NOTE }).success).toBe(false);
    expect(deleteNoteSchema.safeParse({ profileId: PROFILE, noteId: NOTE, version: 0 }).success).toBe(false);
    expect(deleteNoteSchema.safeParse({ profileId: PROFILE, noteId: "not-a-note", version: 1 }).success).toBe(false);
  });
});
