import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "./errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, a terminated session and a closed database, also when wrapped", () => {
    expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isDatabaseUnavailable(withCode('database "console" is not currently accepting connections', "55000"))).toBe(
      true,
    );
    expect(
      isDatabaseUnavailable(
        new Error("Failed query: select …", { cause: new Error("Connection terminated unexpectedly") }),
      ),
    ).toBe(true);
  });

  it("does not mistake a bad query or an ordinary error for an outage", () => {
    expect(isDatabaseUnavailable(withCode('relation "nope" does not exist', "42P01"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("duplicate key value violates unique constraint", "23505"))).toBe(false);
    expect(isDatabaseUnavailable(withCode('currval of sequence "s" is not yet defined in this session', "55000"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable("a string")).toBe(false);
  });
});

describe("isUniqueViolation", () => {
  const violation = (constraint: string) =>
    Object.assign(new Error(`duplicate key value violates unique constraint "${constraint}"`), {
      code: "23505",
      constraint,
    });

  it("recognises the named index, through a driver's wrapping", () => {
    const wrapped = new Error("Failed query: insert into audit_events …", {
      cause: violation("audit_events_one_undo"),
    });
    expect(isUniqueViolation(wrapped, "audit_events_one_undo")).toBe(true);
  });

  it("is false for another index, and for other errors", () => {
    expect(isUniqueViolation(violation("audit_events_idempotency_key"), "audit_events_one_undo")).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("x"), { code: "23503" }), "audit_events_one_undo")).toBe(false);
    expect(isUniqueViolation("audit_events_one_undo", "audit_events_one_undo")).toBe(false);
  });
});
