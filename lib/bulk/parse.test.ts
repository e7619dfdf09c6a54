import { describe, expect, it } from "vitest";
import { parseBatchFile } from "./parse";
import { MAX_FILE_BYTES, MAX_ROWS, type BatchReading, type ParsedFile } from "./request";

// Reading a bulk file as a whole: its format (quotes, BOM, line ends, delimiters, empty
// lines and their line numbers), its header and its size. The rows' own rules are in
// parse-rows.test.ts.
const reading: BatchReading = { zone: "UTC", reason: "Outage compensation", now: Date.parse("2026-12-01T12:00:00Z") };

function parsed(text: string): Extract<ParsedFile, { ok: true }> {
  const file = parseBatchFile(text, reading);
  if (!file.ok) throw new Error(`refused: ${JSON.stringify(file.error)}`);
  return file;
}
const refusal = (text: string) => {
  const file = parseBatchFile(text, reading);
  return file.ok ? null : file.error;
};
const lines = (file: ParsedFile) => (file.ok ? file.rows.map((row) => row.line) : []);

describe("parseBatchFile: the format", () => {
  it("reads a comma file into requests, with header names trimmed and in any case", () => {
    const file = parsed(" Customer_User_ID ,ACCESS_LEVEL_ID, Duration\nuser-1,premium,30d\n");
    expect(file.columns).toEqual(["customer_user_id", "access_level_id", "duration"]);
    expect(file.rows).toEqual([
      {
        line: 2,
        cells: { customer_user_id: "user-1", access_level_id: "premium", duration: "30d" },
        problems: [],
        request: {
          action: "grant",
          customer: { customerUserId: "user-1" },
          accessLevelId: "premium",
          startsAt: null,
          expiresAt: "2026-12-31T12:00:00.000Z",
          reason: "Outage compensation",
        },
      },
    ]);
  });

  it("reads quoted cells with the delimiter, a semicolon, a double quote and a line break inside", () => {
    const file = parsed(
      'customer_user_id,access_level_id,duration,reason\n"user,1",premium,1d,"Sorry; the ""big"" outage\non Monday"\nuser-2,premium,1d,\n',
    );
    expect(file.rows[0]?.request).toMatchObject({
      customer: { customerUserId: "user,1" },
      reason: 'Sorry; the "big" outage\non Monday',
    });
    // The quoted line break puts the next row on line 4, not line 3.
    expect(lines(file)).toEqual([2, 4]);
  });

  it("strips a byte order mark and reads CRLF line ends", () => {
    const file = parsed(
      "\ufeffcustomer_user_id,access_level_id,duration\r\nuser-1,premium,1d\r\n\r\nuser-2,premium,2d\r\n",
    );
    expect(file.columns[0]).toBe("customer_user_id");
    expect(lines(file)).toEqual([2, 4]);
    expect(file.rows.map((row) => row.cells.duration)).toEqual(["1d", "2d"]);
  });

  it("reads a semicolon file, where commas are part of the cells", () => {
    const file = parsed("customer_user_id;access_level_id;duration;reason\r\nuser-1;premium;1m;Sorry, the outage\r\n");
    expect(file.rows[0]?.request).toMatchObject({
      customer: { customerUserId: "user-1" },
      reason: "Sorry, the outage",
    });
  });

  it("skips empty lines, blank ones and ones of bare delimiters, and keeps the lines' real numbers", () => {
    const file = parsed(
      "\ncustomer_user_id,access_level_id,duration\n\nuser-1,premium,1d\n   \n,,\nuser-2,premium,1d\n\n\nuser-3,premium,1d",
    );
    expect(lines(file)).toEqual([4, 7, 10]);
  });

  it("keeps the cells as uploaded, and reads a short row's missing cells as empty", () => {
    const file = parsed("customer_user_id,access_level_id,duration,ticket\n user-1 ,premium,1d\n");
    expect(file.rows[0]?.cells).toEqual({
      customer_user_id: " user-1 ",
      access_level_id: "premium",
      duration: "1d",
      ticket: "",
    });
    expect(file.rows[0]?.request).toMatchObject({ customer: { customerUserId: "user-1" } });
  });

  it("refuses a row with more cells than the header has columns, but not trailing empty ones", () => {
    const file = parsed(
      "customer_user_id,access_level_id,duration\nuser-1,premium,1d,Sorry, late\nuser-2,premium,1d,,\n",
    );
    expect(file.rows[0]).toMatchObject({
      request: null,
      problems: [{ key: "BulkFile.rowErrors.extraCells", values: { count: 2 } }],
    });
    expect(file.rows[1]?.problems).toEqual([]);
  });

  it("refuses the file at a quote that is never closed, naming its line", () => {
    expect(
      refusal('customer_user_id,access_level_id,duration\nuser-1,premium,1d\nuser-2,"premium,1d\nuser-3,premium,1d\n'),
    ).toEqual({
      key: "BulkFile.fileErrors.badQuotes",
      values: { line: 3 },
    });
  });
});

describe("parseBatchFile: the header", () => {
  it("refuses a column it does not read, naming it", () => {
    expect(refusal("customer_user_id,access_level_id,expiry,duration\nuser-1,premium,,1d\n")).toEqual({
      key: "BulkFile.fileErrors.unknownColumn",
      values: { count: 1, columns: "expiry" },
    });
    expect(refusal("customer_user_id,access_level_id,Note,Amount\nuser-1,premium,,\n")).toMatchObject({
      values: { count: 2, columns: "note, amount" },
    });
  });

  it("refuses a file without access_level_id, or without any customer column", () => {
    expect(refusal("customer_user_id,duration\nuser-1,1d\n")).toEqual({
      key: "BulkFile.fileErrors.missingColumn",
      values: { column: "access_level_id" },
    });
    expect(refusal("access_level_id,duration\npremium,1d\n")).toBe("BulkFile.fileErrors.noCustomerColumn");
  });

  it("refuses a column named twice or not named", () => {
    expect(refusal("customer_user_id,access_level_id,Reason,reason\nuser-1,premium,a,b\n")).toEqual({
      key: "BulkFile.fileErrors.repeatedColumn",
      values: { column: "reason" },
    });
    expect(refusal("customer_user_id,,access_level_id\nuser-1,x,premium\n")).toEqual({
      key: "BulkFile.fileErrors.blankColumn",
      values: { position: 2 },
    });
  });

  it("reads a file with both customer columns", () => {
    const file = parsed("customer_user_id,profile_id,access_level_id,duration\nuser-1,,premium,1d\n");
    expect(file.rows[0]?.problems).toEqual([]);
  });
});

describe("parseBatchFile: empty and large files", () => {
  it.each(["", "   \n\n", "\ufeff", "\r\n\r\n"])("refuses an empty file (%j)", (text) => {
    expect(refusal(text)).toBe("BulkFile.fileErrors.empty");
  });

  it("refuses a file with only its header", () => {
    expect(refusal("customer_user_id,access_level_id,duration\r\n\r\n")).toBe("BulkFile.fileErrors.noRows");
  });

  const fileOf = (rows: number) =>
    [
      "customer_user_id,access_level_id,duration",
      ...Array.from({ length: rows }, (_, i) => `user-${i},premium,1m`),
    ].join("\n");

  it(`accepts ${MAX_ROWS} rows and refuses one more, naming the limit`, () => {
    const file = parsed(fileOf(MAX_ROWS));
    expect(file.rows).toHaveLength(MAX_ROWS);
    expect(file.rows.every((row) => row.request !== null)).toBe(true);
    expect(file.rows.at(-1)?.line).toBe(MAX_ROWS + 1);
    expect(refusal(fileOf(MAX_ROWS + 1))).toEqual({
      key: "BulkFile.fileErrors.tooManyRows",
      values: { max: MAX_ROWS },
    });
  });

  it("refuses a text longer than the largest file", () => {
    const text = `customer_user_id,access_level_id,duration,reason\nuser-1,premium,1d,${"x".repeat(MAX_FILE_BYTES)}\n`;
    expect(refusal(text)).toEqual({ key: "BulkFile.fileErrors.tooLarge", values: { megabytes: 10 } });
  });
});
