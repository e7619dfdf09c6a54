import { describe, expect, it } from "vitest";
import { undoRefusal } from "./window";

const UNDO_WINDOW_MS = 24 * 3_600_000;

const NOW = Date.parse("2026-06-01T12:00:00Z");
const row = (fields: Partial<{ action: string; outcome: string; occurredAt: Date }> = {}) => ({
  action: "access_level.granted",
  outcome: "succeeded",
  occurredAt: new Date(NOW - 60_000),
  ...fields,
});

describe("which rows may be undone", () => {
  it("a succeeded grant or revoke younger than the window", () => {
    expect(undoRefusal(row(), undefined, NOW, UNDO_WINDOW_MS)).toBeNull();
    expect(undoRefusal(row({ action: "access_level.revoked" }), undefined, NOW, UNDO_WINDOW_MS)).toBeNull();
  });

  it("refuses each other case with its own reason", () => {
    expect(undoRefusal(undefined, undefined, NOW, UNDO_WINDOW_MS)).toBe("notFound");
    expect(undoRefusal(row({ action: "profile.updated" }), undefined, NOW, UNDO_WINDOW_MS)).toBe("notAccessChange");
    expect(undoRefusal(row({ outcome: "unknown" }), undefined, NOW, UNDO_WINDOW_MS)).toBe("notSucceeded");
    const old = row({ occurredAt: new Date(NOW - UNDO_WINDOW_MS - 1) });
    expect(undoRefusal(old, undefined, NOW, UNDO_WINDOW_MS)).toBe("tooOld");
    expect(undoRefusal(row(), 42, NOW, UNDO_WINDOW_MS)).toBe("alreadyUndone");
  });
});
