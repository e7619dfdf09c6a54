import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import english from "./messages/en.json";
import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

// A namespace a browser component reads but no page sends would show its keys instead of words.
function clientSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientSources(file);
    if (!/\.tsx?$/.test(entry.name) || entry.name.includes(".test.")) return [];
    return readFileSync(file, "utf8").startsWith('"use client"') ? [file] : [];
  });
}

describe("the catalogue parts the browser gets", () => {
  it("include every namespace a client component reads", () => {
    const read = new Set(
      ["app", "components", "lib"]
        .flatMap(clientSources)
        .flatMap((file) =>
          [...readFileSync(file, "utf8").matchAll(/useTranslations\("([A-Za-z]+)/g)].map((match) => match[1]!),
        ),
    );
    const sent = new Set(
      Object.keys(CLIENT_NAMESPACES).flatMap((part) => Object.keys(clientMessages(english, part as never))),
    );
    expect([...read].filter((namespace) => !sent.has(namespace))).toEqual([]);
    expect(read.size).toBeGreaterThan(5);
  });

  it("hand over the catalogue's own objects, so a namespace repeated on a page is sent once", () => {
    const profile = clientMessages(english, "profile");
    expect(profile.Access).toBe(english.Access);
    expect(Object.keys(profile)).not.toContain("Staff");
    expect(Object.keys(profile)).not.toContain("SignIn");
  });
});
