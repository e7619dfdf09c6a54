import { describe, expect, it } from "vitest";
import type { Message } from "@/lib/change/outcome";
import { boundedParams, unrecordedOutcome } from "./unrecorded-change";

const words: Record<string, string> = {
  "Access.errors.after_expiry": "This is after the current expiry.",
  "Staff.notYourself": "You cannot change your own role.",
};
const translate = (message: Message) => {
  const key = typeof message === "string" ? message : message.key;
  return words[key] ?? key;
};

describe("what an action's answer that wrote no audit row records", () => {
  it("a refusal on the console's rules: refused, in words, naming the field", () => {
    const said = unrecordedOutcome(
      { data: { outcome: "refused", fieldErrors: { revokeAt: "Access.errors.after_expiry" } } },
      translate,
    );
    expect(said).toEqual({
      outcome: "refused",
      detail: "Refused by the console, nothing sent. revokeAt: This is after the current expiry.",
    });
  });

  it("a refusal with a message of its own", () => {
    expect(unrecordedOutcome({ data: { outcome: "refused", message: "Staff.notYourself" } }, translate)?.detail).toBe(
      "Refused by the console, nothing sent. You cannot change your own role.",
    );
  });

  it("a validation refusal: refused, naming each field and its rule", () => {
    const said = unrecordedOutcome(
      { validationErrors: { fieldErrors: { startsAt: ["startInPast"], reason: ["reasonRequired"] } } },
      translate,
    );
    expect(said?.outcome).toBe("refused");
    expect(said?.detail).toBe("Refused on validation, nothing sent. startsAt: startInPast; reason: reasonRequired");
  });

  it("a failure before anything was sent: failed, with Adapty's references", () => {
    const failure = { kind: "key_rejected" as const, status: 401, requestId: "r-1" };
    expect(unrecordedOutcome({ data: { outcome: "failed", failure } }, translate)).toEqual({
      outcome: "failed",
      detail: "Failed before the change was sent. Adapty: key_rejected",
      failure,
    });
  });

  it("an error said in a sentence: failed, with the sentence", () => {
    expect(unrecordedOutcome({ serverError: "Something went wrong." }, translate)).toEqual({
      outcome: "failed",
      detail: "Failed: Something went wrong.",
    });
  });

  it("a reused submission key, said in a sentence: refused (nothing was sent)", () => {
    expect(
      unrecordedOutcome(
        { serverError: "This submission belongs to a different change.", refusedByError: true },
        translate,
      ),
    ).toEqual({
      outcome: "refused",
      detail: "Refused by the console, nothing sent. This submission belongs to a different change.",
    });
  });

  it("a success records nothing more", () => {
    expect(unrecordedOutcome({ data: { outcome: "succeeded", value: null } }, translate)).toBeUndefined();
  });
});

describe("what was asked, as recorded", () => {
  it("never keeps a password, the submission key, or the reason and ticket (they have columns)", () => {
    expect(
      boundedParams({ staffId: "s", password: "secret", idempotencyKey: "k", reason: "r", ticket: "t", role: "admin" }),
    ).toEqual({ staffId: "s", role: "admin" });
  });

  it("keeps a NUL character visibly, as PostgreSQL cannot store it", () => {
    expect(boundedParams({ customer_user_id: "victim\u0000" })).toEqual({ customer_user_id: "victim\\0" });
  });

  it("bounds what anyone signed in could send", () => {
    const bounded = boundedParams({ long: "x".repeat(10_000), list: Array.from({ length: 500 }, () => 1) }) as {
      long: string;
      list: unknown[];
    };
    expect(bounded.long).toHaveLength(200);
    expect(bounded.list).toHaveLength(30);
    expect(boundedParams({ a: { b: { c: { d: "deep" } } } })).toEqual({ a: { b: { c: undefined } } });
  });
});
