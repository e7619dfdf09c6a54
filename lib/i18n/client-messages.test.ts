import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import english from "./messages/en.json";
import { type ClientPart, clientMessages } from "./client-messages";

// A namespace that browser code reads but its page does not send shows keys instead of words.
// So: from every place a part is provided (<ClientMessages part="…">), follow the imports into
// the client components below it, and check that the part sends every namespace they read.

const ROOT = process.cwd();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [file] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((file) => existsSync(file));
}

/** The namespaces the client components reachable from `file` read with useTranslations. */
function clientNamespaces(file: string, inClient = false, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  const key = `${file}:${inClient}`;
  if (seen.has(key)) return found;
  seen.add(key);
  const text = readFileSync(file, "utf8");
  const client = inClient || text.startsWith('"use client"');
  if (client) for (const [, namespace] of text.matchAll(/useTranslations\("([A-Za-z]+)/g)) found.add(namespace!);
  for (const [, specifier] of text.matchAll(/(?:from |import\()"([^"]+)"/g)) {
    const target = resolve(file, specifier!);
    if (target) for (const namespace of clientNamespaces(target, client, seen)) found.add(namespace);
  }
  return found;
}

const providers = ["app", "components"]
  .flatMap((dir) => sources(path.join(ROOT, dir)))
  .flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/<ClientMessages part="([A-Za-z]+)"/g)].map((match) => ({
      file: path.relative(ROOT, file),
      part: match[1] as ClientPart,
    })),
  );

describe("the catalogue parts the browser gets", () => {
  it("are provided on the root, sign-in, console and page levels", () => {
    expect(new Set(providers.map((provider) => provider.part)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(providers)("$file sends every namespace its client components read ($part)", ({ file, part }) => {
    const sent = Object.keys(clientMessages(english, part));
    const read = [...clientNamespaces(path.join(ROOT, file))];
    expect(read.filter((namespace) => !sent.includes(namespace))).toEqual([]);
  });

  it("hand over the catalogue's own objects, so a namespace repeated on a page is sent once", () => {
    const profile = clientMessages(english, "profile");
    expect(profile.Access).toBe(english.Access);
    expect(Object.keys(profile)).not.toContain("Staff");
    expect(Object.keys(profile)).not.toContain("SignIn");
  });
});
