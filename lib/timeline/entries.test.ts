import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, mergeTimeline, type TimelineConsoleRow, type TimelineEvent } from "./entries";

const event = (id: number, at: string): TimelineEvent => ({
  source: "adapty",
  id,
  at: new Date(at),
  eventType: "subscription_renewed",
  payload: {},
});
const row = (id: number, at: string): TimelineConsoleRow => ({
  source: "console",
  id,
  at: new Date(at),
  action: "access_level.granted",
  actorEmail: "agent@e2e.test",
  reason: null,
  ticket: null,
  outcome: "succeeded",
  params: null,
  adaptyStatus: null,
  adaptyErrorCode: null,
  adaptyRequestId: null,
});

describe("mergeTimeline", () => {
  it("puts events and console rows in one list, newest first", () => {
    const { entries, older } = mergeTimeline(
      { items: [event(9, "2026-12-02T12:00:00Z"), event(7, "2026-12-02T10:00:00Z")], more: false },
      { items: [row(5, "2026-12-02T11:00:00Z"), row(4, "2026-12-02T09:00:00Z")], more: false },
      50,
    );
    expect(entries.map((entry) => `${entry.source}${entry.id}`)).toEqual([
      "adapty9",
      "console5",
      "adapty7",
      "console4",
    ]);
    expect(older).toBeNull();
  });

  it("stops at the limit with a cursor where each list stopped", () => {
    const { entries, older } = mergeTimeline(
      { items: [event(9, "2026-12-02T12:00:00Z"), event(7, "2026-12-02T10:00:00Z")], more: true },
      { items: [row(5, "2026-12-02T11:00:00Z")], more: false },
      2,
    );
    expect(entries.map((entry) => entry.id)).toEqual([9, 5]);
    expect(older).toEqual({ events: 8, rows: "done" });
    expect(decodeCursor(encodeCursor(older!))).toEqual(older);
  });

  it("goes on past a full list when its source has more", () => {
    const { older } = mergeTimeline(
      { items: [event(9, "2026-12-02T12:00:00Z")], more: true },
      { items: [], more: false },
      1,
    );
    expect(older).toEqual({ events: 9, rows: "done" });
  });

  it("reads only its own cursors", () => {
    expect(decodeCursor("e12.a-")).toEqual({ events: 12, rows: "done" });
    expect(decodeCursor("en.a3")).toEqual({ events: undefined, rows: 3 });
    expect(decodeCursor("e1;drop")).toEqual({});
    expect(decodeCursor(undefined)).toEqual({});
  });
});
