import { describe, expect, it } from "vitest";
import { AUDIT_OUTCOMES } from "@/lib/audit/actions";
import { canBecome } from "./outcome";

describe("audit outcome state machine", () => {
  const allowed = new Set([
    "pending>succeeded",
    "pending>failed",
    "pending>unknown",
    "pending>refused",
    "unknown>succeeded",
    "unknown>failed",
  ]);
  for (const from of AUDIT_OUTCOMES) {
    for (const to of AUDIT_OUTCOMES) {
      const expected = allowed.has(`${from}>${to}`);
      it(`${from} ${expected ? "may" : "may not"} become ${to}`, () => expect(canBecome(from, to)).toBe(expected));
    }
  }
});
