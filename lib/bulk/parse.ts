import { readHeader, type Column } from "./columns";
import { readCsv } from "./read-csv";
import { customerKey, type BatchReading, type ParsedFile, type ParsedRow } from "./request";
import { readRow } from "./row";

/**
 * A bulk file read and checked: every data row with its line, its cells (keyed by column,
 * as uploaded) and its request or its problems. A file the console cannot read as a whole
 * (no header, a column it does not know, too many rows, a broken quote) is refused with
 * one message instead, so no half-read batch is ever stored.
 */
export function parseBatchFile(text: string, reading: BatchReading): ParsedFile {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  const header = readHeader(csv.header);
  if ("error" in header) return { ok: false, error: header.error };
  const { columns } = header;

  // The first valid row for each customer and level: a later one repeating it is flagged, not refused.
  const firstLine = new Map<string, number>();
  const rows = csv.rows.map(({ line, cells: values }): ParsedRow => {
    const cells = cellsOf(columns, values);
    const { request, problems } = readRow(cells, reading);
    const extra = values.slice(columns.length).filter((value) => value.trim() !== "").length;
    if (extra > 0) problems.push({ key: "BulkFile.rowErrors.extraCells", values: { count: extra } });
    if (!request || extra > 0) return { line, cells, request: null, problems };
    const key = `${customerKey(request.customer)}\n${request.accessLevelId}`;
    const earlier = firstLine.get(key);
    if (earlier === undefined) firstLine.set(key, line);
    return earlier === undefined
      ? { line, cells, request, problems }
      : { line, cells, request, problems, duplicateOf: earlier };
  });
  return { ok: true, columns, rows };
}

/** The row's cells by column; a short row (a spreadsheet dropping trailing empty cells) reads as empty ones. */
function cellsOf(columns: Column[], values: string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  columns.forEach((column, index) => (cells[column] = values[index] ?? ""));
  return cells;
}
