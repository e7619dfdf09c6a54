import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import english from "./messages/en.json";
import japanese from "./messages/ja.json";
import vietnamese from "./messages/vi.json";
import chinese from "./messages/zh-CN.json";
import { KEPT_AS_IN_ENGLISH } from "./kept-as-in-english";

// Every catalogue says the same things as the English one: the same keys, the same ICU
// arguments (an agent must never see "{customer}" or lose a number), and nothing left in
// English unless it is on the list of terms kept as they are.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === "string" ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

/** The arguments a message takes: "level", "days:plural", "role:select(admin|agent|other|viewer)". */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    } else if (element.type === TYPE.select) {
      into.add(`${element.value}:select(${Object.keys(element.options).sort().join("|")})`);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    } else if (element.type === TYPE.plural) {
      // Plural categories differ by language (Japanese has only "other"); every one needs "other".
      into.add(`${element.value}:plural${"other" in element.options ? "" : " without other"}`);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    } else {
      into.add(`${element.value}:${TYPE[element.type]}`);
    }
  }
  return into;
}

const source = flatten(english);
const catalogues: Record<string, Tree> = { "zh-CN": chinese, ja: japanese, vi: vietnamese };

describe.each(Object.entries(catalogues))("the %s catalogue", (locale, catalogue) => {
  const translated = flatten(catalogue);

  it("has exactly the English keys", () => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(source).sort());
  });

  it("takes the same ICU arguments in every message", () => {
    const different = Object.keys(source).filter((key) => {
      const ours = [...argumentsOf(parse(source[key]!))].sort();
      const theirs = [...argumentsOf(parse(translated[key] ?? ""))].sort();
      return JSON.stringify(ours) !== JSON.stringify(theirs);
    });
    expect(different).toEqual([]);
  });

  it("leaves nothing in English but the terms kept as they are", () => {
    const kept = new Set(KEPT_AS_IN_ENGLISH[locale as keyof typeof KEPT_AS_IN_ENGLISH]);
    const untranslated = Object.keys(source).filter((key) => translated[key] === source[key] && !kept.has(key));
    expect(untranslated).toEqual([]);
  });

  it("keeps on its list only what really is kept", () => {
    const stale = KEPT_AS_IN_ENGLISH[locale as keyof typeof KEPT_AS_IN_ENGLISH].filter(
      (key) => translated[key] !== source[key],
    );
    expect(stale).toEqual([]);
  });
});
