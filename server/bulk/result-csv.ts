import "server-only";
import { stringify } from "csv-stringify/sync";
import { eq } from "drizzle-orm";
import type { Message } from "@/lib/change/outcome";
import type { Database } from "@/server/db";
import { auditEvents, bulkRows } from "@/server/db/schema";
import { currentOutcome } from "./read";

// The result file: the uploaded columns as they were, then how each row ended — the same
// outcome, error code and request id as its audit row — one page of rows at a time.

const PAGE = 2_000;
const RESULT_COLUMNS = ["line", "outcome", "adapty_error_code", "adapty_request_id", "audit_event_id", "message"];

type Translate = (message: Message) => string;

export async function* resultCsv(
  db: Database,
  batchId: string,
  columns: string[],
  translate: Translate,
): AsyncGenerator<string> {
  yield stringify([[...columns, ...RESULT_COLUMNS]], { escape_formulas: true });
  for (let offset = 0; ; offset += PAGE) {
    const rows = await db
      .select({ row: bulkRows, outcome: currentOutcome, auditRequestId: auditEvents.adaptyRequestId })
      .from(bulkRows)
      .leftJoin(auditEvents, eq(auditEvents.id, bulkRows.auditEventId))
      .where(eq(bulkRows.batchId, batchId))
      .orderBy(bulkRows.line)
      .limit(PAGE)
      .offset(offset);
    if (rows.length === 0) return;
    yield stringify(
      rows.map(({ row, outcome, auditRequestId }) => {
        const cells = row.cells as Record<string, string>;
        const problems = (row.problems as Message[] | null) ?? [];
        const said = row.message ? [row.message as Message] : problems;
        return [
          ...columns.map((column) => cells[column] ?? ""),
          row.line,
          outcome ?? (row.state === "invalid" ? "invalid" : row.state),
          row.adaptyErrorCode ?? "",
          row.adaptyRequestId ?? auditRequestId ?? "",
          row.auditEventId ?? "",
          said.map(translate).join(" "),
        ];
      }),
      { escape_formulas: true },
    );
    if (rows.length < PAGE) return;
  }
}
