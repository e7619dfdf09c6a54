import "server-only";
import { getTranslations } from "next-intl/server";
import type { Message } from "@/lib/change/outcome";
import type { Database } from "@/server/db";
import { batchColumns } from "./columns";
import { resultCsv } from "./result-csv";
import type { BatchRecord } from "./store";

/** The result file as a download: streamed a page of rows at a time, messages in the member's language. */
export async function resultFileResponse(db: Database, batch: BatchRecord): Promise<Response> {
  const t = await getTranslations();
  const translate = (message: Message) => {
    const key = (typeof message === "string" ? message : message.key) as "ActionErrors.unexpected";
    return t.has(key) ? t(key, typeof message === "string" ? undefined : message.values) : key;
  };
  const lines = resultCsv(db, batch.id, await batchColumns(db, batch.id), translate);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const name = `${batch.fileName
    .replace(/\.csv$/i, "")
    .replace(/[^\w.-]+/g, "_")
    .slice(0, 80)}-result.csv`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
