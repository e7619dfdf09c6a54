import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { MAX_NESTING, refuseActionBody } from "./action-body-guard";

// React's own client encoder, the one the console's pages use: what it writes must pass.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const URL = "http://console.internal/profiles/abc";
const ACTION_ID = "60e18d205865e5f4810bce96df6c35c23d586a29df";

/** An action call as fetch sends it: a text body, or multipart from FormData (parts in order). */
function actionCall(body: string | FormData | [string, string][], headers: Record<string, string> = {}) {
  let sent: string | FormData;
  if (Array.isArray(body)) {
    sent = new FormData();
    for (const [name, value] of body) sent.append(name, value);
  } else sent = body;
  return new Request(URL, {
    method: "POST",
    headers: {
      "next-action": ACTION_ID,
      ...(typeof sent === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...headers,
    },
    body: sent,
  });
}

/** A form posted before JavaScript loaded: no next-action header, the action in its fields. */
function formPost(fields: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return new Request(URL, { method: "POST", body: form });
}

const problemOf = async (request: Request) =>
  (await refuseActionBody(request))?.log.replace(/^Refused a POST to \/profiles\/abc: /, "");
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const signInForm = () => {
  const form = new FormData();
  form.append("callbackUrl", "/profiles");
  form.append("email", "agent@example.com");
  form.append("password", "$ecret");
  return form;
};
/** What the sign-in form sends without JavaScript (captured from the built console). */
const signInWithoutJs = (descriptor = `{"id":"${ACTION_ID}","bound":"$@1"}`, bound = "[{}]"): [string, string][] => [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", descriptor],
  ["$ACTION_1:1", bound],
  ["$ACTION_KEY", "k6453262dbda6657613ba8623b313bd78"],
  ["email", "agent@example.com"],
  ["password", "$ecret"],
];

describe("refuseActionBody", () => {
  it("passes everything React's client writes for the console's arguments", async () => {
    const shapes: unknown[][] = [
      // grant: nulls, an ISO date string, undefined, a string that starts with "$"
      [
        {
          profileId: "p",
          accessLevelId: "premium",
          startsAt: null,
          expiresAt: "2030-01-01T00:00:00.000Z",
          reason: "$5 refund",
          ticket: undefined,
          idempotencyKey: "k",
        },
      ],
      // profile edit: lists of objects a few levels down
      [
        {
          profileId: "p",
          custom_attributes: [{ key: "$plan", type: "string", value: "gold" }],
          removed_attributes: ["old"],
          installation_meta: { device: "x" },
        },
      ],
      // values JSON cannot hold
      [{ when: new Date(0), nan: NaN, inf: Infinity, negInf: -Infinity, negZero: -0, big: 12345678901234567890n }],
      // sign-in with JavaScript (useActionState: previous state, then the form) and sign-out (an empty form)
      [{}, signInForm()],
      [new FormData()],
      [{ refusal: "invalid", email: "a@example.com" }, signInForm()],
      [],
    ];
    for (const args of shapes) {
      const encoded = await encodeReply(args);
      expect(
        await refuseActionBody(actionCall(encoded)),
        JSON.stringify(typeof encoded === "string" ? encoded : [...encoded.keys()]),
      ).toBeUndefined();
    }
    expect(await refuseActionBody(formPost(signInWithoutJs()))).toBeUndefined();
    expect(await refuseActionBody(formPost([[`$ACTION_ID_${ACTION_ID}`, ""]]))).toBeUndefined(); // sign-out without JavaScript
  });

  it("refuses arguments nested deeper than the limit, counting brackets outside strings only", async () => {
    expect(await problemOf(actionCall(nested(MAX_NESTING)))).toBeUndefined();
    expect(await problemOf(actionCall(nested(MAX_NESTING + 1)))).toBe(
      "its arguments are nested more than 64 levels deep",
    );
    expect(await problemOf(actionCall(nested(45_000)))).toBe("its arguments are nested more than 64 levels deep");
    expect(await problemOf(actionCall(JSON.stringify([`${"[".repeat(200)}"\\`])))).toBeUndefined();
    expect(await problemOf(actionCall([["0", nested(45_000)]]))).toBe(
      "its arguments are nested more than 64 levels deep",
    );
    expect(await problemOf(formPost(signInWithoutJs(undefined, nested(45_000))))).toBe(
      "its arguments are nested more than 64 levels deep",
    );
  });

  it("refuses every reference the console's pages never send, wherever it sits", async () => {
    const references = [
      "$Q1",
      "$W1",
      "$F1",
      "$h1",
      "$i1",
      "$B1",
      "$R1",
      "$r1",
      "$X1",
      "$x1",
      "$A1",
      "$o1",
      "$T",
      "$H",
      "$1",
      "$0:0",
      "$Z",
      "$",
      "$nxyz",
      `$n${"9".repeat(301)}`,
      "$Ifoo",
      "$-5",
      "$undefinedx",
    ];
    for (const reference of references) {
      expect(await problemOf(actionCall(JSON.stringify([reference]))), reference).toBe(
        `it holds ${JSON.stringify(reference.slice(0, 40) + (reference.length > 40 ? "…" : ""))}, a kind of value the console's pages never send`,
      );
    }
    expect(await problemOf(actionCall(JSON.stringify([{ a: [{ b: "$Q1" }] }])))).toMatch(/"\$Q1"/);
    expect(
      await problemOf(
        actionCall([
          ["_1_email", "a"],
          ["0", '[{"a":"$Q1"},"$K1"]'],
        ]),
      ),
    ).toMatch(/"\$Q1"/);
    // Keys are never decoded, and "$$" is how a literal "$" string is written.
    expect(await problemOf(actionCall(JSON.stringify([{ $Q1: "$$Q1" }])))).toBeUndefined();
  });

  it("refuses FormData references to parts the body does not have", async () => {
    expect(await problemOf(actionCall('["$K1"]'))).toBe("it refers to part 1, which it does not have");
    expect(await problemOf(actionCall('["$@1"]'))).toBe("it refers to part 1, which it does not have");
    expect(
      await problemOf(
        actionCall([
          ["_1_email", "a"],
          ["0", '[{},"$K9"]'],
        ]),
      ),
    ).toBe("it refers to FormData 9, which it does not have");
    expect(
      await problemOf(
        actionCall([
          ["_1_email", "a"],
          ["0", '["$K1","$K1"]'],
        ]),
      ),
    ).toBe("it refers to FormData 1, which it does not have");
    expect(
      await problemOf(
        actionCall([
          ["_2_email", "a"],
          ["0", '["$K1"]'],
        ]),
      ),
    ).toBe("it refers to FormData 2, which it does not have");
    expect(await problemOf(actionCall([["0", '["$K01"]']]))).toMatch(/"\$K01", a kind of value/);
    expect(
      await problemOf(
        actionCall([
          ["_1_email", "a"],
          ["0", '[{},"$@1"]'],
        ]),
      ),
    ).toBe("it refers to part 1, which it does not have");
  });

  it("refuses part names React would read that the console's pages never send", async () => {
    for (const name of ["00", "", " 0", "0x0", "1", "S1", "_x", "$ACTION_ID_x"]) {
      expect(
        await problemOf(
          actionCall([
            [name, '["$Q1"]'],
            ["0", "[]"],
          ]),
        ),
        JSON.stringify(name),
      ).toMatch(/^it has a part named .+, which the console's pages never send$/);
    }
    expect(await problemOf(actionCall([["_1_email", "a"]]))).toBe(
      "it does not have exactly one list of arguments (part 0)",
    );
    expect(
      await problemOf(
        actionCall([
          ["0", "[]"],
          ["0", "[]"],
        ]),
      ),
    ).toBe("it does not have exactly one list of arguments (part 0)");
    const file = new FormData();
    file.append("0", new Blob(["[]"]), "args.json");
    expect(await problemOf(actionCall(file))).toBe("it does not have exactly one list of arguments (part 0)");
  });

  it("refuses bodies that are not a JSON list, as Next.js reads them", async () => {
    expect(await problemOf(actionCall("[{"))).toBe("its arguments are not valid JSON");
    expect(await problemOf(actionCall(`\uFEFF[]`))).toBe("its arguments are not valid JSON"); // Next.js keeps the byte-order mark
    expect(await problemOf(actionCall('"x"'))).toBe("its arguments are not a list");
    expect(await problemOf(actionCall("{}"))).toBe("its arguments are not a list");
    expect(await problemOf(actionCall([["0", "5"]]))).toBe("its arguments are not a list");
    // Next.js decides "multipart" case-sensitively, and decodes anything else with the header as text.
    expect(await problemOf(actionCall("a=b", { "content-type": "Multipart/Form-Data; boundary=x" }))).toBe(
      "its arguments are not valid JSON",
    );
    expect(await problemOf(actionCall("--x\r\n", { "content-type": "multipart/form-data; boundary=x" }))).toBe(
      "its multipart body cannot be read",
    );
  });

  it("refuses a form's action description or bound arguments that React could not decode", async () => {
    const boundIn = (id: number) =>
      signInWithoutJs(`{"id":"${ACTION_ID}","bound":"$@${id.toString(16)}"}`).map(([name, value]): [string, string] => [
        name === "$ACTION_1:1" ? `$ACTION_1:${id}` : name,
        value,
      ]);
    expect(await problemOf(formPost(boundIn(5).filter(([name]) => name !== "$ACTION_1:5")))).toBe(
      "it refers to part 5, which it does not have",
    );
    expect(await problemOf(formPost(boundIn(12)))).toBeUndefined(); // ids are hexadecimal in references, decimal in names
    expect(await problemOf(formPost(signInWithoutJs(`{"id":"${ACTION_ID}","bound":"$Q1"}`)))).toMatch(
      /"\$Q1", a kind of value/,
    );
    expect(await problemOf(formPost(signInWithoutJs(`{"id":"${ACTION_ID}","bound":"$@1","x":"$@1"}`)))).toBe(
      "its action description refers to parts it does not have",
    );
    expect(await problemOf(formPost(signInWithoutJs("[]")))).toBe("its action description is not one React writes");
    expect(await problemOf(formPost(signInWithoutJs(undefined, '["$K1"]')))).toBe(
      "it refers to part 1, which it does not have",
    );
    expect(await problemOf(formPost(signInWithoutJs(undefined, "{}")))).toBe("its arguments are not a list");
    expect(await problemOf(formPost([...signInWithoutJs(), ["$ACTION_1:2", "[]"]]))).toBe(
      `it has a part named "$ACTION_1:2", which the console's pages never send`,
    );
    expect(await problemOf(formPost(signInWithoutJs().filter(([name]) => name !== "$ACTION_1:0")))).toBe(
      `it does not have exactly one description of action "1"`,
    );
    // Without bound arguments the description may name none.
    expect(
      await problemOf(
        formPost([
          ["$ACTION_REF_2", ""],
          ["$ACTION_2:0", `{"id":"${ACTION_ID}","bound":null}`],
        ]),
      ),
    ).toBeUndefined();
  });

  it("leaves alone what Next.js never decodes as action arguments", async () => {
    const plain = (init: RequestInit) => new Request(URL, init);
    expect(await refuseActionBody(plain({ method: "GET" }))).toBeUndefined();
    expect(
      await refuseActionBody(plain({ method: "PUT", headers: { "next-action": ACTION_ID }, body: nested(100) })),
    ).toBeUndefined();
    // next-auth's sign-in and the sandbox's JSON API carry no next-action header
    expect(
      await refuseActionBody(
        plain({
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "email=%24Q1",
        }),
      ),
    ).toBeUndefined();
    expect(
      await refuseActionBody(
        plain({ method: "POST", headers: { "content-type": "application/json" }, body: nested(100) }),
      ),
    ).toBeUndefined();
    expect(
      await refuseActionBody(actionCall("email=x", { "content-type": "application/x-www-form-urlencoded" })),
    ).toBeUndefined();
    expect(await refuseActionBody(formPost([["note", nested(100)]]))).toBeUndefined(); // a multipart form that names no action
  });

  it("answers a plain 400 that says nothing changed, and logs a bounded line", async () => {
    const refusal = await refuseActionBody(actionCall(JSON.stringify([`$Q${"1".repeat(500)}`])));
    expect(refusal?.status).toBe(400);
    expect(refusal?.message).toMatch(
      /^Refused: the request's body is not one the console's own pages send \(it holds "\$Q1+…", a kind of value the console's pages never send\)\. Nothing was changed\.$/,
    );
    expect(refusal?.log.length).toBeLessThan(400);
  });
});
