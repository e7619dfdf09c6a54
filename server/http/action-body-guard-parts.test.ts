import { describe, expect, it } from "vitest";
import { refuseActionBody } from "./action-body-guard";
import { URL, ACTION_ID, actionCall, formPost, problemOf, nested, signInWithoutJs } from "./action-body-guard-test-kit";

describe("refuseActionBody: part names, body shapes, the answer", () => {
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
