import { describe, expect, it } from "vitest";
import { noiseLog } from "./noise-log";

describe("noiseLog", () => {
  it("logs the first occurrence at once, then at most one line a minute with the count since", () => {
    const lines: string[] = [];
    let clock = 0;
    const note = noiseLog(
      (n) => `${n} unreadable cookies`,
      60_000,
      (line) => lines.push(line),
      () => clock,
    );
    note();
    for (let i = 0; i < 500; i++) {
      clock += 100;
      note();
    }
    expect(lines).toEqual(["1 unreadable cookies"]);
    clock += 60_000;
    note();
    expect(lines).toEqual(["1 unreadable cookies", "501 unreadable cookies"]);
  });
});
