import type { Message } from "./outcome";

/** The catalogue as a form sees it: whether a key exists, and its words. */
export interface Catalogue {
  has(key: string): boolean;
  translate(key: string, values?: Record<string, string | number>): string;
}

/**
 * The words of a message: a full catalogue path ("Access.errors.missing_level",
 * "Change.failed"), or a schema's short key ("reasonRequired") that the form's namespace
 * ("Access.errors") completes. Anything that is no key is shown as it is.
 */
export function messageText(catalogue: Catalogue, message: Message, namespace?: string): string {
  const { key, values } = typeof message === "string" ? { key: message, values: undefined } : message;
  const inNamespace = namespace ? `${namespace}.${key}` : undefined;
  // A short key has no dot: the form's namespace first; a path is tried as it is first.
  const candidates = key.includes(".") ? [key, inNamespace] : [inNamespace, key];
  const found = candidates.find((candidate) => candidate !== undefined && catalogue.has(candidate));
  return found ? catalogue.translate(found, values) : key;
}
