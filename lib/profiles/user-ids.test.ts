import { describe, expect, it } from "vitest";
import { byCustomerPath, isValidUserId, lookupPath } from "./user-ids";

describe("lookupPath", () => {
  it("sends a UUID to the page that tries it both ways", () => {
    expect(lookupPath(" 0B6F2C5E-8D1A-4C3B-9E7F-1A2B3C4D5E6F ")).toBe(
      "/profiles/find?q=0B6F2C5E-8D1A-4C3B-9E7F-1A2B3C4D5E6F",
    );
  });
  it("sends anything else to the search page too, every character that could break the query encoded", () => {
    expect(lookupPath(" team/alpha user+é@example.com&ticket=x ")).toBe(
      "/profiles/find?q=team%2Falpha%20user%2B%C3%A9%40example.com%26ticket%3Dx",
    );
  });
  it("encodes slashes, spaces, plus, at and non-Latin letters in a customer user id's deep link", () => {
    expect(byCustomerPath("顧客")).toBe("/profiles/by-customer/%E9%A1%A7%E5%AE%A2");
  });
});

describe("isValidUserId", () => {
  it.each([
    ["", false],
    ["a\nb", false],
    ["nul\u0000", false],
    ["x".repeat(501), false],
    ["x".repeat(500), true],
    ["<img src=x>", true],
  ])("%j → %s", (id, ok) => {
    expect(isValidUserId(id)).toBe(ok);
  });
});
