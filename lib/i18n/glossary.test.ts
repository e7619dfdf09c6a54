import { describe, expect, it } from "vitest";
import english from "./messages/en.json";
import japanese from "./messages/ja.json";
import vietnamese from "./messages/vi.json";
import chinese from "./messages/zh-CN.json";
import { GLOSSARY } from "./glossary";

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );

const source = Object.fromEntries(flatten(english));
const catalogues = { "zh-CN": chinese, ja: japanese, vi: vietnamese } as const;

describe.each(Object.keys(catalogues) as (keyof typeof catalogues)[])("the %s catalogue", (locale) => {
  it("says each of Adapty's terms with the word of Adapty's own documentation", () => {
    const translated = Object.fromEntries(flatten(catalogues[locale] as Tree));
    const missed = Object.entries(source).flatMap(([key, words]) =>
      GLOSSARY.filter((term) => term.english.test(words) && !term[locale].test(translated[key] ?? "")).map(
        (term) => `${key}: ${String(term.english)}`,
      ),
    );
    expect(missed).toEqual([]);
  });
});
