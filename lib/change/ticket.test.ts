import { describe, expect, it } from "vitest";
import { readTicketParam, ticketQuery } from "./ticket";

describe("readTicketParam", () => {
  it("attaches ticket references", () => {
    expect(readTicketParam("ZD-123")).toEqual({ ticket: "ZD-123" });
    expect(readTicketParam(" JIRA:SUP-9 ")).toEqual({ ticket: "JIRA:SUP-9" });
    expect(readTicketParam(["#4411", "ignored"])).toEqual({ ticket: "#4411" });
    expect(readTicketParam(undefined)).toEqual({});
    expect(readTicketParam("   ")).toEqual({});
  });

  it("says why a ticket was not attached instead of dropping it", () => {
    expect(readTicketParam("ZD 123")).toEqual({ rejected: { shown: "ZD 123", problem: "characters" } });
    expect(readTicketParam("<script>")).toEqual({ rejected: { shown: "<script>", problem: "characters" } });
    expect(readTicketParam("x".repeat(65))).toEqual({ rejected: { shown: "x".repeat(65), problem: "tooLong" } });
    const long = readTicketParam("y".repeat(500));
    expect(long.rejected?.problem).toBe("tooLong");
    expect(long.rejected?.shown).toBe(`${"y".repeat(80)}…`);
  });
});

describe("ticketQuery", () => {
  it("carries the parameter on, bounded, refused or not", () => {
    expect(ticketQuery("ZD-1")).toBe("?ticket=ZD-1");
    expect(ticketQuery("a b")).toBe("?ticket=a%20b");
    expect(ticketQuery(undefined)).toBe("");
    expect(ticketQuery("z".repeat(1000))).toBe(`?ticket=${"z".repeat(81)}`);
  });
});
