import { describe, expect, it } from "vitest";
import { readPage, readRowFilter, rowsQuery } from "./row-filter";

describe("the rows table's query string", () => {
  it("reads a known filter, anything else as all", () => {
    expect(readRowFilter("missing")).toBe("missing");
    expect(readRowFilter(["losing", "invalid"])).toBe("losing");
    expect(readRowFilter("everything")).toBe("all");
    expect(readRowFilter(undefined)).toBe("all");
  });

  it("reads a page from 1, anything else as 1", () => {
    expect(readPage("3")).toBe(3);
    expect(readPage("0")).toBe(1);
    expect(readPage("2.5")).toBe(1);
    expect(readPage("x")).toBe(1);
    expect(readPage(undefined)).toBe(1);
  });

  it("writes only what differs from the defaults", () => {
    expect(rowsQuery("all", 1)).toBe("");
    expect(rowsQuery("invalid", 1)).toBe("?rows=invalid");
    expect(rowsQuery("all", 4)).toBe("?page=4");
    expect(rowsQuery("duplicates", 2)).toBe("?rows=duplicates&page=2");
  });
});
