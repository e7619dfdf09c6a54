import { describe, expect, it } from "vitest";
import { MAX_NESTING, refuseActionBody } from "./action-body-guard";
import {
  encodeReply,
  ACTION_ID,
  actionCall,
  formPost,
  problemOf,
  nested,
  signInForm,
  signInWithoutJs,
} from "./action-body-guard-test-kit";

describe("refuseActionBody: what passes, nesting, references", () => {
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
});
