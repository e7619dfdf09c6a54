import { describe, expect, it } from "vitest";
import { mayChangeNote } from "./note";

const author = "11111111-1111-4111-8111-111111111111";
const other = "22222222-2222-4222-8222-222222222222";
const note = { authorId: author };

describe("who may edit or delete a note", () => {
  it("its author may", () => {
    expect(mayChangeNote({ id: author, role: "agent" }, note)).toBe(true);
  });

  it("another agent may not", () => {
    expect(mayChangeNote({ id: other, role: "agent" }, note)).toBe(false);
  });

  it("an admin may, anyone's", () => {
    expect(mayChangeNote({ id: other, role: "admin" }, note)).toBe(true);
  });

  it("a viewer who is not its author may not", () => {
    expect(mayChangeNote({ id: other, role: "viewer" }, note)).toBe(false);
  });
});
