import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it.each(["/profiles", "/profiles/by-customer/a%2Fb?ticket=ZD-1", "/audit?actor=x#row-3"])(
    "keeps the console path %s",
    (path) => {
      expect(safeCallbackPath(path)).toBe(path);
    },
  );

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "http:/evil.example",
    "javascript:alert(1)",
    "/profiles\n",
    "evil.example/profiles",
    "/sign-in?callbackUrl=https://evil.example",
    "/api/auth/signout",
    "/..//evil.example",
    "/.//evil.example",
    "/%2e%2e//evil.example",
    "/profiles/../..//evil.example",
    "",
    null,
  ])("sends %j to the start page instead", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/profiles");
  });

  it("keeps an encoded CR/LF as inert path text", () => {
    expect(safeCallbackPath("/%0d%0aSet-Cookie:x")).not.toContain("\n");
  });
});
