import Papa from "papaparse";
import type { Message } from "@/lib/change/outcome";
import { MAX_FILE_BYTES, MAX_ROWS } from "./request";

// A bulk file's text as rows of cells, each with the line it starts on (the header is
// line 1; empty lines are skipped but still counted, and a quoted cell spanning lines
// leaves its row on the line where it started), so the agent finds a row in the file
// where the console says it is.

export interface CsvRow {
  line: number;
  cells: string[];
}

export type CsvReading = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; error: Message };

const BOM = "\ufeff";

export function readCsv(input: string): CsvReading {
  // A string holds at least as many UTF-8 bytes as it has UTF-16 units, so this never refuses a file that fits.
  if (input.length > MAX_FILE_BYTES) return refuse({ key: "BulkFile.fileErrors.tooLarge", values: { megabytes: 10 } });
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  if (text.trim() === "") return refuse("BulkFile.fileErrors.empty");

  // Filled in by the parser's callback (a plain `let` would stay narrowed to its first value).
  const found: { header: string[] | null; error: Message | null } = { header: null, error: null };
  const rows: CsvRow[] = [];
  const lines = lineCounter(text);
  let rowStart = 0;

  Papa.parse<string[]>(text, {
    delimiter: delimiterOf(text),
    step: (result, parser) => {
      const line = lines(rowStart, result.meta.linebreak);
      rowStart = result.meta.cursor;
      if (result.errors.some((problem) => problem.type === "Quotes")) {
        // An unclosed or stray quote swallows the rest of the file into one cell: nothing after it can be trusted.
        found.error = { key: "BulkFile.fileErrors.badQuotes", values: { line } };
        return parser.abort();
      }
      const cells = result.data;
      if (cells.every((cell) => cell.trim() === "")) return;
      if (!found.header) {
        found.header = cells;
      } else if (rows.length === MAX_ROWS) {
        found.error = { key: "BulkFile.fileErrors.tooManyRows", values: { max: MAX_ROWS } };
        parser.abort();
      } else {
        rows.push({ line, cells });
      }
    },
  });

  if (found.error) return refuse(found.error);
  if (!found.header) return refuse("BulkFile.fileErrors.empty");
  if (rows.length === 0) return refuse("BulkFile.fileErrors.noRows");
  return { ok: true, header: found.header, rows };
}

const refuse = (error: Message): CsvReading => ({ ok: false, error });

/**
 * The delimiter, from the header line: a comma or a semicolon (spreadsheets in locales with
 * a decimal comma save ";"). No column name contains either, so the one the header has wins.
 */
function delimiterOf(text: string): "," | ";" {
  const firstLine = text.trimStart().split(/\r\n|\n|\r/, 1)[0] ?? "";
  const count = (delimiter: string) => firstLine.split(delimiter).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** The line an offset of the text is on, for offsets asked in increasing order (one pass over the text). */
function lineCounter(text: string) {
  let line = 1;
  let counted = 0;
  return (offset: number, linebreak: string) => {
    const mark = linebreak === "\r" ? "\r" : "\n";
    for (let at = text.indexOf(mark, counted); at !== -1 && at < offset; at = text.indexOf(mark, at + 1)) line += 1;
    counted = Math.max(counted, offset);
    return line;
  };
}
