import "server-only";
import type { Refusal } from "./request-guard";

/**
 * Checks a server action's body before Next.js hands it to React's reply decoder, made in
 * proxy.ts. That decoder (ReactFlightReplyServer) revives the arguments recursively, so
 * 45,000 nested arrays overflow its stack, and it follows "$" references to other parts of
 * the body, throwing when one is malformed or missing (`["$Q1"]`: a Map in a part that does
 * not exist). Next.js answers both with a 500 after work has begun. Here each is a plain 400
 * before anything runs, and only the encodings the console's own pages produce pass:
 *
 * - with a `next-action` header and a text body (React's `encodeReply` returned a string):
 *   the body is the JSON list of arguments, and no other part exists to refer to;
 * - with a `next-action` header and a multipart body (FormData arguments, e.g. the sign-in
 *   form): part "0" holds the list, `"$K1"` names FormData 1, whose fields are the parts
 *   `_1_<field>`;
 * - without the header, a form posted before JavaScript loaded: `$ACTION_ID_<id>` fields
 *   carry nothing React decodes; `$ACTION_REF_<n>` ones (useActionState) carry
 *   `$ACTION_<n>:0` = `{"id":…,"bound":"$@1"}` and the bound arguments in `$ACTION_<n>:1`.
 *
 * Mirror of Next.js 16.4's server-action-request-meta.ts and React 19.3's
 * parseModelString; revisit both when upgrading either.
 */

/** Deeper than any argument the console sends (a profile edit's attributes are 4 levels down). */
export const MAX_NESTING = 64;

/** React's own limit on a `$n` BigInt's digits. */
const MAX_BIGINT_DIGITS = 300;

/** What React's client writes for undefined and the numbers JSON cannot hold. */
const PRIMITIVES = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);

/** A part id as React's client writes it in a reference: hexadecimal, from 1, no leading zero. */
const PART_ID = "([1-9a-f][0-9a-f]*)";
const FORM_DATA_REFERENCE = new RegExp(`^\\$K${PART_ID}$`);
const PROMISE_REFERENCE = new RegExp(`^\\$@${PART_ID}$`);

/** Why a body is refused: a short clause for the message and the log. */
type Problem = string;

interface Model {
  value: unknown;
  /** Part ids named by `$K` (FormData) and `$@` (a promise: bound arguments), in any order. */
  formData: number[];
  promises: number[];
}

const quoted = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Counts brackets outside strings, without recursion: the check must not overflow either. */
function nestsTooDeep(json: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const char = json.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: the next character is escaped
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > MAX_NESTING) return true;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  return false;
}

/** A "$" string React would decode as something other than a plain string, judged; references collected. */
function judgeReference(text: string, model: Model): Problem | undefined {
  if (text[1] === "$" || PRIMITIVES.has(text) || text[1] === "D") return undefined; // "$$…" is a literal "$…"; "$D" a Date
  if (text[1] === "n" && /^-?\d+$/.test(text.slice(2)) && text.length - 2 <= MAX_BIGINT_DIGITS) return undefined;
  const formData = FORM_DATA_REFERENCE.exec(text);
  if (formData) return void model.formData.push(parseInt(formData[1]!, 16));
  const promise = PROMISE_REFERENCE.exec(text);
  if (promise) return void model.promises.push(parseInt(promise[1]!, 16));
  // Maps, Sets, iterators, blobs, streams, typed arrays, server and temporary references,
  // other parts and paths into them: none is ever an argument of the console's actions.
  return `it holds ${quoted(text)}, a kind of value the console's pages never send`;
}

/** Parses one part React would decode as a model, refusing what it could not decode safely. */
function readModel(json: string): Model | Problem {
  if (nestsTooDeep(json)) return `its arguments are nested more than ${MAX_NESTING} levels deep`;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return "its arguments are not valid JSON";
  }
  const model: Model = { value, formData: [], promises: [] };
  // Object keys are never decoded, only values; a stack instead of recursion, as above.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === "string" && item.startsWith("$")) {
      const problem = judgeReference(item, model);
      if (problem) return problem;
    } else if (typeof item === "object" && item !== null) {
      for (const child of Object.values(item)) pending.push(child);
    }
  }
  return model;
}

/** A list of arguments that refers to no other part: a text body, or bound arguments. */
function readArgumentList(json: string): Problem | undefined {
  const model = readModel(json);
  if (typeof model === "string") return model;
  if (!Array.isArray(model.value)) return "its arguments are not a list";
  const [missing] = [...model.formData, ...model.promises];
  return missing === undefined ? undefined : `it refers to part ${missing}, which it does not have`;
}

type Fields = [name: string, value: FormDataEntryValue][];

/** Multipart FormData arguments, as `encodeReply` writes them: part "0" and `_<id>_<field>` entries. */
function judgeFetchMultipart(fields: Fields): Problem | undefined {
  const entryIds = new Set<number>();
  const lists: FormDataEntryValue[] = [];
  for (const [name, value] of fields) {
    const entry = /^_(\d+)_/.exec(name);
    if (entry) entryIds.add(Number(entry[1]));
    else if (name === "0") lists.push(value);
    // React reads any other name that converts to a number ("00", "", "0x0") as a part too,
    // and "S…" as a stream: the console's pages send neither.
    else return `it has a part named ${quoted(name)}, which the console's pages never send`;
  }
  const [list] = lists;
  if (lists.length !== 1 || typeof list !== "string") return "it does not have exactly one list of arguments (part 0)";
  const model = readModel(list);
  if (typeof model === "string") return model;
  if (!Array.isArray(model.value)) return "its arguments are not a list";
  if (model.promises.length > 0) return `it refers to part ${model.promises[0]}, which it does not have`;
  // React numbers FormData arguments 1, 2, 3… in the order it writes them: each once.
  const ids = [...model.formData].sort((a, b) => a - b);
  const stray = ids.find((id, index) => id !== index + 1) ?? [...entryIds].find((id) => id < 1 || id > ids.length);
  return stray === undefined ? undefined : `it refers to FormData ${stray}, which it does not have`;
}

/** A form posted without JavaScript whose action is `$ACTION_REF_<n>`: descriptor and bound arguments. */
function judgeFormAction(fields: Fields, reference: string): Problem | undefined {
  const prefix = `$ACTION_${reference}:`;
  const parts = new Map<string, FormDataEntryValue[]>();
  for (const [name, value] of fields) {
    if (name.startsWith(prefix))
      parts.set(name.slice(prefix.length), [...(parts.get(name.slice(prefix.length)) ?? []), value]);
  }
  const single = (id: string) => {
    const values = parts.get(id);
    return values?.length === 1 && typeof values[0] === "string" ? values[0] : undefined;
  };
  const descriptorJson = single("0");
  if (descriptorJson === undefined) return `it does not have exactly one description of action ${quoted(reference)}`;
  const descriptor = readModel(descriptorJson);
  if (typeof descriptor === "string") return descriptor;
  const { value } = descriptor;
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    typeof (value as { id?: unknown }).id !== "string"
  ) {
    return "its action description is not one React writes";
  }
  const bound = (value as { bound?: unknown }).bound;
  const boundId = typeof bound === "string" ? PROMISE_REFERENCE.exec(bound)?.[1] : undefined;
  const expected = boundId === undefined ? [] : [parseInt(boundId, 16)];
  // Only "bound" may refer to another part, and only to its bound arguments.
  if (descriptor.formData.length > 0 || descriptor.promises.length !== expected.length)
    return "its action description refers to parts it does not have";
  const allowed = new Set(["0", ...expected.map(String)]);
  const strange = [...parts.keys()].find((id) => !allowed.has(id));
  if (strange !== undefined)
    return `it has a part named ${quoted(prefix + strange)}, which the console's pages never send`;
  if (expected[0] === undefined) return undefined;
  const boundJson = single(String(expected[0]));
  return boundJson === undefined
    ? `it refers to part ${expected[0]}, which it does not have`
    : readArgumentList(boundJson);
}

/** The body as Next.js reads a text one: UTF-8, a byte-order mark kept (JSON.parse refuses it there too). */
async function readText(request: Request): Promise<string | undefined> {
  try {
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await request.arrayBuffer());
  } catch {
    return undefined; // the sender went away mid-upload, or the body is otherwise unreadable
  }
}

async function readFields(request: Request): Promise<Fields | undefined> {
  try {
    return [...(await request.formData()).entries()];
  } catch {
    return undefined;
  }
}

function refusal(request: Request, problem: Problem): Refusal {
  return {
    status: 400,
    message: `Refused: the request's body is not one the console's own pages send (${problem}). Nothing was changed.`,
    log: `Refused a ${request.method} to ${new URL(request.url).pathname.slice(0, 200)}: ${problem}`,
  };
}

/**
 * Why a server-action body must not reach React's decoder, or undefined when it may (or is
 * not one Next.js decodes). Reads the body: call it after the size limit is enforced.
 */
export async function refuseActionBody(request: Request): Promise<Refusal | undefined> {
  if (request.method !== "POST") return undefined;
  // Decided exactly as Next.js decides which decoder a POST goes to.
  const contentType = request.headers.get("content-type");
  const fetchAction = request.headers.has("next-action");
  const multipart = contentType?.startsWith("multipart/form-data") ?? false;
  if (contentType === "application/x-www-form-urlencoded") return undefined; // never decoded as an action

  let problem: Problem | undefined;
  if (fetchAction && !multipart) {
    const text = await readText(request);
    problem = text === undefined ? "its body cannot be read" : readArgumentList(text);
  } else if (multipart) {
    const fields = await readFields(request);
    if (!fields) problem = "its multipart body cannot be read";
    else if (fetchAction) problem = judgeFetchMultipart(fields);
    else {
      for (const [name] of fields) {
        if (name.startsWith("$ACTION_REF_")) problem ??= judgeFormAction(fields, name.slice("$ACTION_REF_".length));
      }
    }
  }
  return problem === undefined ? undefined : refusal(request, problem);
}
