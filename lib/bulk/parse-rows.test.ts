import { describe, expect, it } from "vitest";
import { parseBatchFile } from "./parse";
import type { BatchReading, ParsedRow } from "./request";

// The rules each row is checked by: the customer, the action, dates and durations in the
// batch's zone, the single forms' rules (reason, ticket, level, the period), duplicates.
const NOW = Date.parse("2026-12-01T12:00:00Z");
const reading: BatchReading = { zone: "Europe/Berlin", reason: "Outage compensation", now: NOW };
const PROFILE = "9c1e5a70-0000-4000-8000-000000000001";

/** The rows of a file with this header and these lines. */
function rows(header: string, lines: string[], batch: BatchReading = reading): ParsedRow[] {
  const file = parseBatchFile([header, ...lines].join("\n"), batch);
  if (!file.ok) throw new Error(`refused: ${JSON.stringify(file.error)}`);
  return file.rows;
}
const row = (header: string, line: string, batch?: BatchReading) => rows(header, [line], batch)[0]!;
const grant = (cells: string) => row("customer_user_id,access_level_id,action,starts_at,expires_at,duration", cells);
const problem = (key: string, values: Record<string, string | number>) => ({ key, values });

describe("the customer", () => {
  const header = "customer_user_id,profile_id,access_level_id,duration";
  it("is named by customer user id or by profile id", () => {
    expect(row(header, "user-1,,premium,1d").request?.customer).toEqual({ customerUserId: "user-1" });
    expect(row(header, `,${PROFILE.toUpperCase()},premium,1d`).request?.customer).toEqual({ profileId: PROFILE });
  });

  it("must be named once", () => {
    expect(row(header, `user-1,${PROFILE},premium,1d`)).toMatchObject({
      request: null,
      problems: [problem("BulkFile.rowErrors.bothCustomers", { column: "profile_id" })],
    });
    expect(row(header, ",,premium,1d").problems).toEqual([
      problem("BulkFile.rowErrors.noCustomer", { column: "customer_user_id" }),
    ]);
  });

  it("needs a UUID as profile id, and a usable customer user id (quoted back, cut short)", () => {
    expect(row(header, ",12345,premium,1d").problems).toEqual([
      problem("BulkFile.rowErrors.badProfileId", { column: "profile_id", value: "12345" }),
    ]);
    const [found] = row(header, `${"u".repeat(501)},,premium,1d`).problems;
    expect(found).toMatchObject({
      key: "BulkFile.rowErrors.badCustomerUserId",
      values: { column: "customer_user_id" },
    });
    expect(typeof found === "object" && String(found.values.value).length).toBeLessThanOrEqual(61);
  });
});

describe("the action", () => {
  it("is a grant when empty, and grant or revoke in any case", () => {
    expect(grant("user-1,premium,,,,1d").request?.action).toBe("grant");
    expect(grant("user-1,premium,GRANT,,,1d").request?.action).toBe("grant");
    expect(row("customer_user_id,access_level_id,action", "user-1,premium,Revoke").request?.action).toBe("revoke");
    expect(grant("user-1,premium,cancel,,,1d").problems).toEqual([
      problem("BulkFile.rowErrors.badAction", { column: "action", value: "cancel" }),
    ]);
  });

  it("revokes at once, or at revoke_at in the batch's zone", () => {
    const header = "customer_user_id,access_level_id,action,revoke_at";
    expect(row(header, "user-1,premium,revoke,").request).toEqual({
      action: "revoke",
      customer: { customerUserId: "user-1" },
      accessLevelId: "premium",
      revokeAt: null,
      reason: "Outage compensation",
    });
    expect(row(header, "user-1,premium,revoke,2027-01-06 10:00").request).toMatchObject({
      revokeAt: "2027-01-06T09:00:00.000Z",
    });
    expect(row(header, "user-1,premium,revoke,2026-11-30T10:00:00Z").problems).toEqual([
      problem("BulkFile.rowErrors.revokeInPast", { column: "revoke_at" }),
    ]);
  });

  it("refuses the other action's cells", () => {
    const header = "customer_user_id,access_level_id,action,duration,revoke_at";
    expect(row(header, "user-1,premium,revoke,30d,").problems).toEqual([
      problem("BulkFile.rowErrors.onlyForGrant", { column: "duration" }),
    ]);
    expect(row(header, "user-1,premium,grant,30d,2027-01-06").problems).toEqual([
      problem("BulkFile.rowErrors.onlyForRevoke", { column: "revoke_at" }),
    ]);
  });
});

describe("a grant's period", () => {
  it.each([
    ["2027-01-06T10:00:00Z", "2027-01-06T10:00:00.000Z"],
    ["2027-01-06T10:00Z", "2027-01-06T10:00:00.000Z"],
    ["2027-01-06T10:00:00+02:00", "2027-01-06T08:00:00.000Z"],
    ["2027-01-06T10:00:00.250-0530", "2027-01-06T15:30:00.250Z"],
    ["2027-01-06T10:00", "2027-01-06T09:00:00.000Z"],
    ["2027-01-06 10:00", "2027-01-06T09:00:00.000Z"],
    ["2027-07-06 10:00:30", "2027-07-06T08:00:30.000Z"],
    ["2027-01-06", "2027-01-05T23:00:00.000Z"],
  ])("reads expires_at %j", (value, expected) => {
    expect(grant(`user-1,premium,grant,,${value},`).request).toMatchObject({ startsAt: null, expiresAt: expected });
  });

  it.each([
    "2027-13-01",
    "2027-02-29",
    "2027-01-06T25:00",
    "2027-01-06T10:60",
    "06/01/2027",
    "tomorrow",
    "2027-01-06Z",
    "1/6/27",
    "0027-01-06",
    "2027-01-06T10:00+15:00",
  ])("refuses expires_at %j, quoting it", (value) => {
    expect(grant(`user-1,premium,grant,,${value},`).problems).toEqual([
      problem("BulkFile.rowErrors.badDate", { column: "expires_at", value }),
    ]);
  });

  it("counts a duration from starts_at, or from now, in the batch's zone", () => {
    // 31 January 10:00 in Berlin, plus a month: the last day of February, same wall-clock time.
    expect(grant("user-1,premium,grant,2027-01-31 10:00,,1m").request).toMatchObject({
      startsAt: "2027-01-31T09:00:00.000Z",
      expiresAt: "2027-02-28T09:00:00.000Z",
    });
    // Across the change to summer time on 28 March: still 12:00 in Berlin, an hour less in UTC.
    expect(grant("user-1,premium,grant,2027-03-27 12:00,,1d").request).toMatchObject({
      expiresAt: "2027-03-28T10:00:00.000Z",
    });
    expect(grant("user-1,premium,grant,,,7d").request).toMatchObject({
      startsAt: null,
      expiresAt: "2026-12-08T12:00:00.000Z",
    });
    expect(grant("user-1,premium,grant,,,lifetime").request).toMatchObject({ startsAt: null, expiresAt: null });
  });

  it.each(["0d", "1h", "3651d", "11y", "1.5m", "forever"])("refuses the duration %j", (value) => {
    expect(grant(`user-1,premium,grant,,,${value}`).problems).toEqual([
      problem("BulkFile.rowErrors.badDuration", { column: "duration", value }),
    ]);
  });

  it("needs its end once: expires_at or duration", () => {
    expect(grant("user-1,premium,grant,,2027-01-06,30d").problems).toEqual([
      problem("BulkFile.rowErrors.endTwice", { column: "duration" }),
    ]);
    expect(grant("user-1,premium,grant,,,").problems).toEqual([
      problem("BulkFile.rowErrors.noEnd", { column: "expires_at" }),
    ]);
  });

  it("must not start in the past (a minute's grace) nor end before it starts, as the grant form says", () => {
    expect(grant("user-1,premium,grant,2026-12-01T11:00:00Z,,1d").problems).toEqual([
      problem("Access.errors.startInPast", { column: "starts_at" }),
    ]);
    expect(grant("user-1,premium,grant,2026-12-01T11:59:30Z,,1d").problems).toEqual([]);
    expect(grant("user-1,premium,grant,2027-02-01,2027-01-15,").problems).toEqual([
      problem("Access.errors.expiryBeforeStart", { column: "expires_at" }),
    ]);
    expect(grant("user-1,premium,grant,,2026-11-01,").problems).toEqual([
      problem("Access.errors.expiryBeforeStart", { column: "expires_at" }),
    ]);
  });
});

describe("the single forms' rules", () => {
  const header = "customer_user_id,access_level_id,duration,reason,ticket";
  it("take the row's reason and ticket, else the batch's", () => {
    const batch = { ...reading, ticket: "ZD-100" };
    const [own, fallback] = rows(header, ["user-1,premium,1d,Refund,ZD-1", "user-2,premium,1d,,"], batch);
    expect(own?.request).toMatchObject({ reason: "Refund", ticket: "ZD-1" });
    expect(fallback?.request).toMatchObject({ reason: "Outage compensation", ticket: "ZD-100" });
    expect(row(header, "user-1,premium,1d,,").request).not.toHaveProperty("ticket");
  });

  it("need a reason somewhere, a short one, and a ticket of the usual form", () => {
    const noReason = { ...reading, reason: "" };
    expect(row(header, "user-1,premium,1d,,", noReason).problems).toEqual([
      problem("Access.errors.reasonRequired", { column: "reason" }),
    ]);
    expect(row(header, "user-1,premium,1d,Refund,", noReason).problems).toEqual([]);
    expect(row(header, `user-1,premium,1d,${"r".repeat(501)},`).problems).toEqual([
      problem("Access.errors.reasonTooLong", { column: "reason" }),
    ]);
    expect(row(header, "user-1,premium,1d,,<b>").problems).toEqual([
      problem("Access.errors.ticketInvalid", { column: "ticket" }),
    ]);
  });

  it("need an access level id of the usual form", () => {
    expect(row(header, "user-1,,1d,,").problems).toEqual([
      problem("BulkFile.rowErrors.required", { column: "access_level_id" }),
    ]);
    expect(row(header, "user-1,pre mium,1d,,").problems).toEqual([
      problem("Access.errors.levelNotConfigured", { column: "access_level_id" }),
    ]);
  });

  it("report every problem of a row at once", () => {
    expect(row(header, ",,9x,,<b>", { ...reading, reason: "" }).problems).toHaveLength(5);
  });
});

describe("duplicates", () => {
  it("flag a later valid row for the same customer and level with the first one's line", () => {
    const found = rows("customer_user_id,profile_id,access_level_id,duration", [
      "user-1,,premium,1d",
      "user-1,,pro,1d",
      "user-1,,premium,bad",
      "user-2,,premium,1d",
      "user-1,,premium,7d",
      `,${PROFILE},premium,1d`,
      `,${PROFILE.toUpperCase()},premium,1d`,
    ]);
    expect(found.map((each) => each.duplicateOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      2,
      undefined,
      7,
    ]);
    expect(found[4]?.request).not.toBeNull();
  });
});
